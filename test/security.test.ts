/**
 * What an attacker or a careless client can reach, over HTTP on both stores: the audit feeds, the id rule,
 * dates and amounts, and names that normalise to nothing.
 */
import { describe, expect, it } from 'vitest';
import { serviceOn, STORES } from './support/service.ts';

const UPSERT_MEMBER = `mutation($input: MemberInput!) { upsertMember(input: $input) { created member { id } } }`;
const UPSERT_JOB = `mutation($input: JobInput!) { upsertJob(input: $input) { created job { id company { id name } } } }`;
const INTERACT = `mutation($m: ID!, $j: ID!, $at: DateTime) { recordInteraction(memberId: $m, jobId: $j, type: APPLIED, at: $at) { count } }`;
const FEED = `{ edges { node { operation subjects actor } } totalCount }`;

describe.each(STORES)('security on the $store store', ({ store, skip }) => {
  const svc = serviceOn(store, skip);
  const code = (r: { body: { errors?: Array<{ extensions?: { code?: string } }> } }) =>
    r.body.errors?.[0]?.extensions?.code;

  it.skipIf(skip)(
    'keeps member activity out of the public taxonomy feed; the marketplace feed is for admins',
    async () => {
      await svc().gql(UPSERT_MEMBER, { input: { id: 'sec-m1', headline: 'Nurse' } }, 'admin');
      await svc().gql(UPSERT_JOB, { input: { id: 'sec-j1', title: 'Ward nurse' } }, 'admin');
      expect((await svc().gql(INTERACT, { m: 'sec-m1', j: 'sec-j1' }, 'admin')).body.data.recordInteraction.count).toBe(
        1,
      );
      await svc().gql(
        `mutation { createSkill(input: { label: "Sec Test Skill", id: "skill:sec-test" }) { id } }`,
        {},
        'editor',
      );

      const anonymous = await svc().gql(`{ taxonomyChanges(first: 100) ${FEED} }`);
      const ops = anonymous.body.data.taxonomyChanges.edges.map(
        (e: { node: { operation: string } }) => e.node.operation,
      );
      expect(ops).toContain('CREATE_SKILL');
      for (const op of ['UPSERT_MEMBER', 'UPSERT_JOB', 'RECORD_INTERACTION', 'DELETE_MEMBER'])
        expect(ops).not.toContain(op);
      expect(JSON.stringify(anonymous.body)).not.toMatch(/sec-m1|sec-j1/);
      // Who edited: the role for anonymous callers, the key's fingerprint for editors.
      const created = anonymous.body.data.taxonomyChanges.edges.find(
        (e: { node: { operation: string } }) => e.node.operation === 'CREATE_SKILL',
      );
      expect(created.node.actor).toBe('editor');
      const asEditor = await svc().gql(`{ taxonomyChanges(first: 1) ${FEED} }`, {}, 'editor');
      expect(asEditor.body.data.taxonomyChanges.edges[0].node.actor).toMatch(/^editor:[0-9a-f]{12}$/);

      expect(code(await svc().gql(`{ marketplaceChanges(first: 5) ${FEED} }`))).toBe('UNAUTHENTICATED');
      expect(code(await svc().gql(`{ marketplaceChanges(first: 5) ${FEED} }`, {}, 'editor'))).toBe('FORBIDDEN');
      const admin = await svc().gql(`{ marketplaceChanges(subject: "sec-m1", first: 10) ${FEED} }`, {}, 'admin');
      expect(
        admin.body.data.marketplaceChanges.edges.map((e: { node: { operation: string } }) => e.node.operation),
      ).toEqual(['RECORD_INTERACTION', 'UPSERT_MEMBER']);

      // A skill may not borrow a member's id to read its records through Skill.history.
      const borrowed = await svc().gql(
        `mutation { createSkill(input: { label: "Borrowed", id: "sec-m1" }) { id history { totalCount } } }`,
        {},
        'editor',
      );
      expect(code(borrowed)).toBe('BAD_USER_INPUT');
      expect(borrowed.body.errors?.[0].message).toMatch(/skill:/);
      const uri = await svc().gql(
        `mutation { createSkill(input: { label: "Uri Skill", id: "http://example.org/skill/1" }) { id history { edges { node { operation } } } } }`,
        {},
        'editor',
      );
      expect(
        uri.body.data.createSkill.history.edges.map((e: { node: { operation: string } }) => e.node.operation),
      ).toEqual(['CREATE_SKILL']);
      // After deletion, non-admins still see nothing of the member.
      await svc().gql(`mutation { deleteMember(id: "sec-m1") }`, {}, 'admin');
      expect(
        JSON.stringify((await svc().gql(`{ taxonomyChanges(first: 100) ${FEED} }`, {}, 'editor')).body),
      ).not.toMatch(/sec-m1/);
    },
  );

  it.skipIf(skip)('finds any object by id (Relay Node) and shows each kind only to who may read it', async () => {
    await svc().gql(UPSERT_MEMBER, { input: { id: 'node-m1', headline: 'Plumber' } }, 'admin');
    await svc().gql(UPSERT_JOB, { input: { id: 'node-j1', title: 'Plumber', company: 'Pipes Ltd' } }, 'admin');
    const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on Skill { label } ... on Member { headline } ... on Job { title company { id } } } }`;
    expect((await svc().gql(NODE, { id: 'skill:python' })).body.data.node).toEqual({
      __typename: 'Skill',
      id: 'skill:python',
      label: 'Python',
    });
    // A member is null to anyone but an admin, exactly as an unknown id: no oracle for members' ids.
    expect((await svc().gql(NODE, { id: 'node-m1' })).body.data.node).toBeNull();
    expect((await svc().gql(NODE, { id: 'node-m1' }, 'reader')).body.data.node).toBeNull();
    expect((await svc().gql(NODE, { id: 'node-m1' }, 'admin')).body.data.node).toEqual({
      __typename: 'Member',
      id: 'node-m1',
      headline: 'Plumber',
    });
    const job = (await svc().gql(NODE, { id: 'node-j1' }, 'reader')).body.data.node;
    expect(job).toMatchObject({ __typename: 'Job', title: 'Plumber' });
    const many = await svc().gql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`,
      { ids: [job.company.id, 'nope', 'occupation:data-engineer', 'node-m1'] },
      'reader',
    );
    expect(many.body.data.nodes).toEqual([
      { __typename: 'Company', id: job.company.id },
      null,
      { __typename: 'Occupation', id: 'occupation:data-engineer' },
      null,
    ]);
    // Ids stay unique across kinds: a job cannot take a member's id, and taxonomy prefixes are reserved.
    expect(code(await svc().gql(UPSERT_JOB, { input: { id: 'node-m1', title: 'Clash' } }, 'admin'))).toBe('CONFLICT');
    expect(code(await svc().gql(UPSERT_MEMBER, { input: { id: 'skill:python', headline: 'x' } }, 'admin'))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it.skipIf(skip)(
    'applies one id rule to every ID argument: length, control characters, no silent trimming',
    async () => {
      const huge = 'x'.repeat(100_000);
      for (const [q, v, key] of [
        [`query($id: ID!) { member(id: $id) { id } }`, { id: huge }, 'admin'],
        [`query($id: ID!) { job(id: $id) { id } }`, { id: 'a\u0000b' }, 'admin'],
        [`query($id: ID!) { matchJobs(memberId: $id) { edges { cursor } } }`, { id: huge }, 'admin'],
        [`query($id: ID!) { skill(id: $id) { id } }`, { id: 'skill:python\n' }, undefined],
        [
          `query($ids: [ID!]!) { expandSkills(ids: $ids) { skill { id } } }`,
          { ids: ['skill:python', ' skill:java'] },
          undefined,
        ],
      ] as const) {
        const r = await svc().gql(q, v, key);
        expect(code(r), q).toBe('BAD_USER_INPUT');
        expect(JSON.stringify(r.body).length).toBeLessThan(2000); // the id is not echoed back
      }
      expect(
        code(await svc().gql(`{ member(id: "${'y'.repeat(600)}") { id } }`, {}, 'admin')),
        'an id written in the query',
      ).toBe('BAD_USER_INPUT');

      await svc().gql(UPSERT_MEMBER, { input: { id: 'sec-m2', headline: 'Welder' } }, 'admin');
      const padded = await svc().gql(UPSERT_MEMBER, { input: { id: '  sec-m2  ', headline: 'Impostor' } }, 'admin');
      expect(code(padded)).toBe('BAD_USER_INPUT');
      const stored = await svc().gql(`{ member(id: "sec-m2") { headline } }`, {}, 'admin');
      expect(stored.body.data.member.headline).toBe('Welder');
    },
  );

  it.skipIf(skip)(
    'refuses impossible dates, absurd amounts and empty jobs; names without letters do not collide',
    async () => {
      const job = (input: Record<string, unknown>) =>
        svc().gql(UPSERT_JOB, { input: { id: 'sec-j2', title: 'Cook', ...input } }, 'admin');
      for (const bad of [
        { postedAt: '2024-02-30' },
        { postedAt: '2023-02-29' },
        { postedAt: '2024-13-01' },
        { postedAt: '0001-01-01' },
        { expiresAt: '2024-01-01T25:00:00Z' },
        { salaryMin: 1e12 },
      ]) {
        const r = await job(bad);
        expect(code(r), JSON.stringify(bad)).toBe('BAD_USER_INPUT');
      }
      expect((await job({ postedAt: '2024-02-29' })).body.data.upsertJob.created).toBe(true);
      expect(code(await svc().gql(UPSERT_JOB, { input: { id: 'sec-empty' } }, 'admin'))).toBe('BAD_USER_INPUT');
      expect(code(await svc().gql(INTERACT, { m: 'sec-m2', j: 'sec-j2', at: '2025-02-30T00:00:00Z' }, 'admin'))).toBe(
        'BAD_USER_INPUT',
      );
      // DateTime is a real scalar: impossible dates are refused in variables and literals, and answers are UTC.
      const since = (value: string) =>
        svc().gql(`query($s: DateTime) { taxonomyChanges(since: $s) { totalCount } }`, { s: value });
      expect(code(await since('2024-02-30T00:00:00Z'))).toBe('BAD_USER_INPUT');
      expect(code(await since('yesterday'))).toBe('BAD_USER_INPUT');
      expect(code(await svc().gql(`{ taxonomyChanges(since: "2024-13-01") { totalCount } }`))).toBe(
        'GRAPHQL_VALIDATION_FAILED',
      );
      expect((await since('2024-02-29T12:00:00+02:00')).body.data.taxonomyChanges.totalCount).toBeGreaterThan(0);
      const at = await svc().gql(
        INTERACT.replace('{ count }', '{ count at }'),
        { m: 'sec-m2', j: 'sec-j2', at: '2025-03-01T12:00:00+01:00' },
        'admin',
      );
      expect(at.body.data.recordInteraction.at).toBe('2025-03-01T11:00:00.000Z');

      const a = await svc().gql(UPSERT_JOB, { input: { id: 'sec-j3', title: 'Clerk', company: '株式会社' } }, 'admin');
      const b = await svc().gql(UPSERT_JOB, { input: { id: 'sec-j4', title: 'Clerk', company: '有限会社' } }, 'admin');
      const [ca, cb] = [a.body.data.upsertJob.job.company, b.body.data.upsertJob.job.company];
      expect(ca.name).toBe('株式会社');
      expect(cb.name).toBe('有限会社');
      expect(ca.id).not.toBe(cb.id);
    },
  );
});

/** The issue's query: siblings of siblings of occupations' skills, sized by a variable. */
const FAN_OUT = `query($n: Int) { skills(first: $n) { edges { node { siblings { siblings { occupations { occupation { skills { skill { siblings { id } } } } } } } } } } }`;

describe.each(STORES)('the cost limit on the $store store', ({ store, skip }) => {
  const svc = serviceOn(store, skip);
  const post = (query: string, variables?: Record<string, unknown>) =>
    fetch(`${svc().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });

  it.skipIf(skip)('counts variables, defaults and every list: fan-out is refused before it runs', async () => {
    for (const n of [100, 2]) {
      const res = await post(FAN_OUT, { n });
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.data).toBeUndefined();
      expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', maxCost: 200_000 });
      expect(body.errors[0].extensions.cost).toBeGreaterThan(1_000_000);
      expect(body.errors[0].message).toMatch(/fewer items/);
    }
    // The same query written with a literal costs the same as with the variable.
    const literal = await (
      await post(FAN_OUT.replace('query($n: Int)', 'query').replace('first: $n', 'first: 2'))
    ).json();
    const variable = await (await post(FAN_OUT, { n: 2 })).json();
    expect(literal.errors[0].extensions.cost).toBe(variable.errors[0].extensions.cost);
    // Unpaginated lists were not counted before: 1,000 siblings of 100 skills, two fields each, is over 200,000.
    const wide = await (
      await post(`{ skills(first: 100) { edges { node { siblings(first: 1000) { id label } } } } }`)
    ).json();
    expect(wide.errors[0].extensions.cost).toBe(1 + 1 + 100 * (1 + 1 + 1000 * 2));
    // An ordinary page fits, says what it cost, and list arguments are bounded.
    const page = await (
      await post(`{ skills(first: 50) { edges { node { id label parents { id } siblings(first: 20) { id } } } } }`)
    ).json();
    expect(page.data.skills.edges).toHaveLength(50);
    expect(page.extensions.cost.estimated).toBeLessThan(200_000);
    expect(page.data.skills.edges.every((e: { node: { siblings: unknown[] } }) => e.node.siblings.length <= 20)).toBe(
      true,
    );
    const tooMany = await (await post(`{ skill(id: "skill:python") { siblings(first: 5000) { id } } }`)).json();
    expect(tooMany.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(tooMany.errors[0].message).toMatch(/siblings\(first:\) must be an integer from 0 to 1000/);
  });
});

describe('a query past its deadline', () => {
  // The cost limit is lifted so the fan-out runs; the deadline must stop it.
  const svc = serviceOn('embedded', false, {
    SKILLGRAPH_MAX_QUERY_COST: '1000000000000000',
    SKILLGRAPH_REQUEST_TIMEOUT_MS: '1000',
  });

  it('is answered UNAVAILABLE at its deadline, and /healthz is answered while it runs', async () => {
    const order: string[] = [];
    const heavy = fetch(`${svc().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: FAN_OUT, variables: { n: 100 } }),
    }).then(async (r) => {
      order.push('query');
      return { status: r.status, body: await r.json() };
    });
    await new Promise((r) => setTimeout(r, 100)); // the query is executing
    const health = await fetch(`${svc().url}/healthz`);
    order.push('healthz');
    expect(health.status).toBe(200);
    const { status, body } = await heavy;
    expect(order).toEqual(['healthz', 'query']);
    expect(status).toBe(503);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toMatchObject({ code: 'UNAVAILABLE', deadlineMs: 1000 });
    expect(body.errors[0].message).toMatch(/deadline/);
    // The stopped query does no more work: the service answers the next one at once.
    const next = await svc().gql(`{ skill(id: "skill:python") { id } }`);
    expect(next.body.data.skill.id).toBe('skill:python');
  });
});
