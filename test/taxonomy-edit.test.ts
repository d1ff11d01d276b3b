/**
 * Taxonomy editing over HTTP on both stores: every mutation, its failures, and "nothing changed" after each
 * failure.
 */
import { describe, expect, it, vi } from 'vitest';
import { serviceOn, STORES } from './support/service.ts';

const SKILL_FIELDS =
  'id label aliases description kind status version replacedBy { id } parents { id } children { id } related { skill { id } type }';

describe.each(STORES)('taxonomy editing on the $store store', ({ store, skip }) => {
  const svc = serviceOn(store, skip);

  const skill = async (id: string) =>
    (await svc().gql(`query($id: ID!) { skill(id: $id) { ${SKILL_FIELDS} } }`, { id })).body.data.skill;
  const edit = async (mutation: string, variables: Record<string, unknown>, key = 'editor') =>
    svc().gql(mutation, variables, key);
  /** Asserts a failing mutation returns `code` and leaves the store exactly as it was. */
  const refused = async (
    mutation: string,
    variables: Record<string, unknown>,
    code: string,
    watch: string[],
    message?: RegExp,
  ) => {
    const before = await Promise.all(watch.map(skill));
    const seq = await svc().service.store.lastSeq();
    const history = (await svc().service.store.history({ feed: 'taxonomy', first: 1 }))[0]?.seq;
    const res = await edit(mutation, variables);
    expect(res.body.errors?.[0]?.extensions?.code, JSON.stringify(res.body)).toBe(code);
    if (message) expect(res.body.errors![0].message).toMatch(message);
    expect(await Promise.all(watch.map(skill))).toEqual(before);
    expect(await svc().service.store.lastSeq()).toBe(seq);
    expect((await svc().service.store.history({ feed: 'taxonomy', first: 1 }))[0]?.seq).toBe(history);
  };

  const CREATE = `mutation($input: CreateSkillInput!) { createSkill(input: $input) { ${SKILL_FIELDS} } }`;
  const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateSkillInput!) { updateSkill(id: $id, expectedVersion: $v, input: $input) { ${SKILL_FIELDS} } }`;
  const PARENTS = `mutation($id: ID!, $p: [ID!]!) { setSkillParents(id: $id, parentIds: $p) { ${SKILL_FIELDS} } }`;
  const MERGE = `mutation($s: ID!, $t: ID!) { mergeSkills(sourceId: $s, targetId: $t) { ${SKILL_FIELDS} } }`;

  it.skipIf(skip)('needs role editor for edits', async () => {
    const input = { label: 'Zig', parentIds: ['skill:programming-languages'] };
    expect((await edit(CREATE, { input }, '')).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await edit(CREATE, { input }, 'reader')).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await skill('skill:zig')).toBeNull();
  });

  it.skipIf(skip)('creates a skill under parents, searchable at once, with history', async () => {
    const res = await edit(CREATE, {
      input: {
        label: 'Zig',
        aliases: ['ziglang'],
        description: 'Writing programs in Zig.',
        kind: 'SKILL',
        parentIds: ['skill:programming-languages'],
      },
    });
    expect(res.body.data.createSkill).toMatchObject({
      id: 'skill:zig',
      label: 'Zig',
      aliases: ['ziglang'],
      version: 1,
      status: 'ACTIVE',
      parents: [{ id: 'skill:programming-languages' }],
    });
    const search = await svc().gql(`{ skills(search: "ziglang") { edges { node { id } match { kind } } } }`);
    expect(search.body.data.skills.edges[0]).toEqual({ node: { id: 'skill:zig' }, match: { kind: 'EXACT_ALIAS' } });
    const hist = await svc().gql(
      `{ skill(id: "skill:zig") { history { edges { node { operation actor after } } } } }`,
      {},
      'editor',
    );
    expect(hist.body.data.skill.history.edges[0].node).toMatchObject({
      operation: 'CREATE_SKILL',
      actor: expect.stringMatching(/^editor:/),
      after: { label: 'Zig' },
    });
  });

  it.skipIf(skip)('refuses bad creates without changing anything', async () => {
    await refused(CREATE, { input: { label: '   ' } }, 'BAD_USER_INPUT', []);
    await refused(CREATE, { input: { label: 'x'.repeat(201) } }, 'BAD_USER_INPUT', []);
    await refused(CREATE, { input: { label: 'Brand new', aliases: ['golang'] } }, 'CONFLICT', ['skill:go'], /skill:go/);
    await refused(CREATE, { input: { label: 'Python' } }, 'CONFLICT', ['skill:python']);
    await refused(CREATE, { input: { label: 'Orphan', parentIds: ['skill:nope'] } }, 'NOT_FOUND', [], /skill:nope/);
    expect(await skill('skill:brand-new')).toBeNull();
  });

  it.skipIf(skip)('updates with optimistic versions and refuses stale writes', async () => {
    const before = await skill('skill:rust');
    const ok = await edit(UPDATE, {
      id: 'skill:rust',
      v: before.version,
      input: { description: 'Writing safe systems code in Rust.' },
    });
    expect(ok.body.data.updateSkill).toMatchObject({
      version: before.version + 1,
      description: 'Writing safe systems code in Rust.',
      aliases: before.aliases,
    });
    await refused(
      UPDATE,
      { id: 'skill:rust', v: before.version, input: { label: 'Rusty' } },
      'CONFLICT',
      ['skill:rust'],
      /version/,
    );
    await refused(UPDATE, { id: 'skill:nope', v: 1, input: { label: 'x' } }, 'NOT_FOUND', []);
    await refused(UPDATE, { id: 'skill:rust', v: before.version + 1, input: { aliases: ['golang'] } }, 'CONFLICT', [
      'skill:rust',
      'skill:go',
    ]);
    await refused(
      UPDATE,
      { id: 'skill:rust', v: before.version + 1, input: { description: 'd'.repeat(5000) } },
      'BAD_USER_INPUT',
      ['skill:rust'],
    );
  });

  it.skipIf(skip)('adds and removes aliases', async () => {
    const add = await edit(`mutation { addSkillAlias(id: "skill:kotlin", alias: "kt") { aliases version } }`, {});
    expect(add.body.data.addSkillAlias.aliases).toContain('kt');
    const rm = await edit(`mutation { removeSkillAlias(id: "skill:kotlin", alias: "KT") { aliases } }`, {});
    expect(rm.body.data.removeSkillAlias.aliases).not.toContain('kt');
    await refused(`mutation { addSkillAlias(id: "skill:kotlin", alias: "py") { id } }`, {}, 'CONFLICT', [
      'skill:kotlin',
      'skill:python',
    ]);
    await refused(`mutation { removeSkillAlias(id: "skill:kotlin", alias: "nope") { id } }`, {}, 'NOT_FOUND', [
      'skill:kotlin',
    ]);
    await refused(`mutation { addSkillAlias(id: "skill:kotlin", alias: "") { id } }`, {}, 'BAD_USER_INPUT', [
      'skill:kotlin',
    ]);
  });

  it.skipIf(skip)('re-parents and refuses self-parenting and cycles, naming the cycle', async () => {
    const ok = await edit(PARENTS, { id: 'skill:graphql', p: ['skill:api-design', 'skill:backend-development'] });
    expect(ok.body.data.setSkillParents.parents.map((p: { id: string }) => p.id).sort()).toEqual([
      'skill:api-design',
      'skill:backend-development',
    ]);
    await refused(PARENTS, { id: 'skill:graphql', p: ['skill:graphql'] }, 'BAD_USER_INPUT', ['skill:graphql']);
    await refused(
      PARENTS,
      { id: 'skill:web-development', p: ['skill:graphql'] },
      'CONFLICT',
      ['skill:web-development', 'skill:graphql'],
      /cycle: skill:web-development -> skill:graphql -> .*skill:web-development/,
    );
    await refused(PARENTS, { id: 'skill:graphql', p: ['skill:api-design', 'skill:ghost'] }, 'NOT_FOUND', [
      'skill:graphql',
    ]);
    const hist = await svc().gql(
      `{ skill(id: "skill:graphql") { history(first: 1) { edges { node { operation before after } } } } }`,
    );
    expect(hist.body.data.skill.history.edges[0].node).toMatchObject({
      operation: 'SET_SKILL_PARENTS',
      before: { parentIds: ['skill:api-design'] },
    });
  });

  it.skipIf(skip)('relates and unrelates skills', async () => {
    const rel = await edit(
      `mutation { relateSkills(fromId: "skill:vue-js", toId: "skill:react", type: SIMILAR) { related { skill { id } type } } }`,
      {},
    );
    expect(rel.body.data.relateSkills.related).toContainEqual({ skill: { id: 'skill:react' }, type: 'SIMILAR' });
    const other = await skill('skill:react');
    expect(other.related).toContainEqual({ skill: { id: 'skill:vue-js' }, type: 'SIMILAR' });
    await refused(
      `mutation { relateSkills(fromId: "skill:react", toId: "skill:react", type: SIMILAR) { id } }`,
      {},
      'BAD_USER_INPUT',
      ['skill:react'],
    );
    const un = await edit(`mutation { unrelateSkills(fromId: "skill:react", toId: "skill:vue-js") { id } }`, {});
    expect(un.body.errors).toBeUndefined();
    expect((await skill('skill:vue-js')).related).not.toContainEqual({ skill: { id: 'skill:react' }, type: 'SIMILAR' });
    await refused(`mutation { unrelateSkills(fromId: "skill:react", toId: "skill:vue-js") { id } }`, {}, 'NOT_FOUND', [
      'skill:react',
    ]);
  });

  it.skipIf(skip)('merges a skill: names, links and references move; the source says where it went', async () => {
    await edit(CREATE, {
      input: { label: 'Golang programming', aliases: ['go lang'], parentIds: ['skill:backend-development'] },
    });
    await edit(
      `mutation { relateSkills(fromId: "skill:golang-programming", toId: "skill:rust", type: SIMILAR) { id } }`,
      {},
    );
    const occBefore = (
      await svc().gql(`{ occupation(id: "occupation:backend-developer") { skills { skill { id } } } }`)
    ).body.data.occupation.skills;
    const res = await edit(MERGE, { s: 'skill:golang-programming', t: 'skill:go' });
    const target = res.body.data.mergeSkills;
    expect(target.aliases).toEqual(expect.arrayContaining(['golang', 'Golang programming', 'go lang']));
    expect(target.parents.map((p: { id: string }) => p.id).sort()).toEqual([
      'skill:backend-development',
      'skill:programming-languages',
    ]);
    expect(target.related).toContainEqual({ skill: { id: 'skill:rust' }, type: 'SIMILAR' });
    const source = await skill('skill:golang-programming');
    expect(source).toMatchObject({
      status: 'DEPRECATED',
      replacedBy: { id: 'skill:go' },
      aliases: [],
      parents: [],
      related: [],
    });
    const search = await svc().gql(`{ skills(search: "go lang") { edges { node { id } } } }`);
    expect(search.body.data.skills.edges[0].node.id).toBe('skill:go');
    const occAfter = (await svc().gql(`{ occupation(id: "occupation:backend-developer") { skills { skill { id } } } }`))
      .body.data.occupation.skills;
    expect(occAfter).toEqual(occBefore);
    await refused(MERGE, { s: 'skill:go', t: 'skill:go' }, 'BAD_USER_INPUT', ['skill:go']);
    await refused(
      MERGE,
      { s: 'skill:rust', t: 'skill:golang-programming' },
      'CONFLICT',
      ['skill:rust', 'skill:golang-programming'],
      /deprecated/,
    );
    await refused(MERGE, { s: 'skill:rust', t: 'skill:nope' }, 'NOT_FOUND', ['skill:rust']);
    const changes = await svc().gql(`{ taxonomyChanges(first: 1) { edges { node { operation subjects } } } }`);
    expect(changes.body.data.taxonomyChanges.edges[0].node).toEqual({
      operation: 'MERGE_SKILLS',
      subjects: ['skill:golang-programming', 'skill:go'],
    });
  });

  it.skipIf(skip)('merges occupations and other references into the target', async () => {
    const res = await edit(MERGE, { s: 'skill:selenium', t: 'skill:cypress' });
    expect(res.body.errors).toBeUndefined();
    const occ = (await svc().gql(`{ occupation(id: "occupation:qa-engineer") { skills { skill { id } relation } } }`))
      .body.data.occupation.skills;
    expect(occ).toContainEqual({ skill: { id: 'skill:cypress' }, relation: 'OPTIONAL' });
    expect(occ.map((o: { skill: { id: string } }) => o.skill.id)).not.toContain('skill:selenium');
  });

  it.skipIf(skip)('deprecates with a replacement and refuses a deprecated replacement', async () => {
    const res = await edit(
      `mutation { deprecateSkill(id: "skill:angular", replacedById: "skill:react") { status replacedBy { id } version } }`,
      {},
    );
    expect(res.body.data.deprecateSkill).toMatchObject({ status: 'DEPRECATED', replacedBy: { id: 'skill:react' } });
    expect((await svc().gql(`{ skills(search: "angular") { totalCount } }`)).body.data.skills.totalCount).toBe(0);
    await refused(
      `mutation { deprecateSkill(id: "skill:vue-js", replacedById: "skill:angular") { id } }`,
      {},
      'CONFLICT',
      ['skill:vue-js'],
    );
    await refused(`mutation { deprecateSkill(id: "skill:angular") { id } }`, {}, 'CONFLICT', ['skill:angular']);
    await refused(
      UPDATE,
      { id: 'skill:angular', v: 2, input: { label: 'NG' } },
      'CONFLICT',
      ['skill:angular'],
      /deprecated/,
    );
  });

  it.skipIf(skip)('expands over parents, children and siblings with decaying scores and paths', async () => {
    const q = `query($ids: [ID!]!, $r: [ExpansionRelation!], $d: Int) { expandSkills(ids: $ids, relations: $r, maxDepth: $d, limit: 200) { skill { id } score depth from { id } path { relation skill { id } } } }`;
    const one = (await svc().gql(q, { ids: ['skill:django'], d: 1 })).body.data.expandSkills;
    const byId = new Map(one.map((x: { skill: { id: string } }) => [x.skill.id, x]));
    expect(byId.get('skill:backend-development')).toMatchObject({
      score: 0.7,
      depth: 1,
      path: [{ relation: 'PARENT', skill: { id: 'skill:backend-development' } }],
    });
    expect(byId.get('skill:flask')).toMatchObject({ score: 0.5, path: [{ relation: 'SIBLING' }] });
    expect(byId.has('skill:django')).toBe(false);
    const two = (await svc().gql(q, { ids: ['skill:django'], d: 2 })).body.data.expandSkills;
    const web = two.find((x: { skill: { id: string } }) => x.skill.id === 'skill:web-development');
    expect(web).toMatchObject({ depth: 2, from: { id: 'skill:django' } });
    expect(web.score).toBeCloseTo(0.49);
    for (let i = 1; i < two.length; i++) expect(two[i].score).toBeLessThanOrEqual(two[i - 1].score);
    const related = (await svc().gql(q, { ids: ['skill:django'], r: ['RELATED'], d: 1 })).body.data.expandSkills;
    expect(related.map((x: { skill: { id: string } }) => x.skill.id)).toEqual(['skill:python']);
    const bad = await svc().gql(q, { ids: ['skill:django'], d: 9 });
    expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await svc().gql(q, { ids: ['skill:ghost'], d: 1 });
    expect(missing.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it.skipIf(skip)(
    "answers a skill's parents, children, siblings, ancestors and related from the synced taxonomy",
    async () => {
      const q = `{ skill(id: "skill:django") { parents { id label } children { id } siblings { label } ancestors { id } related { skill { label } } } }`;
      const expected = (await svc().gql(q)).body.data.skill;
      const records = vi.spyOn(svc().service.store, 'getNodes');
      const edges = vi.spyOn(svc().service.store, 'neighbors');
      try {
        const { body } = await svc().gql(q);
        expect(body.data.skill).toEqual(expected);
        expect(body.data.skill.parents).toEqual([{ id: 'skill:backend-development', label: 'Backend development' }]);
        expect(body.data.skill.siblings.map((s: { label: string }) => s.label)).toContain('Flask');
        expect(body.data.skill.related.map((r: { skill: { label: string } }) => r.skill.label)).toContain('Python');
        // The skill itself is read from the store; its relatives' records and links are not.
        expect(records.mock.calls.filter(([label]) => label === 'Skill')).toHaveLength(1);
        expect(edges.mock.calls.filter(([, type]) => type === 'BROADER' || type === 'RELATED')).toEqual([]);
      } finally {
        records.mockRestore();
        edges.mockRestore();
      }
    },
  );

  it.skipIf(skip)(
    'answers an expansion from the synced taxonomy: no skill records read, an edit shown at once',
    async () => {
      const q = `{ expandSkills(ids: ["skill:flask"], maxDepth: 2, limit: 50) { skill { id label } from { label } path { skill { label } } } }`;
      const reads = vi.spyOn(svc().service.store, 'getNodes');
      try {
        const before = (await svc().gql(q)).body.data.expandSkills;
        expect(before.find((x: { skill: { id: string } }) => x.skill.id === 'skill:django')).toMatchObject({
          skill: { label: 'Django' },
          from: { label: 'Flask' },
          path: [{ skill: { label: 'Django' } }],
        });
        expect(reads.mock.calls.filter(([label]) => label === 'Skill')).toEqual([]);
        const django = (await svc().gql(`{ skill(id: "skill:django") { version } }`)).body.data.skill;
        const renamed = await edit(UPDATE, { id: 'skill:django', v: django.version, input: { label: 'Django web' } });
        expect(renamed.body.errors).toBeUndefined();
        const after = (await svc().gql(q)).body.data.expandSkills;
        expect(after.find((x: { skill: { id: string } }) => x.skill.id === 'skill:django').skill.label).toBe(
          'Django web',
        );
      } finally {
        reads.mockRestore();
        const django = (await svc().gql(`{ skill(id: "skill:django") { version } }`)).body.data.skill;
        await edit(UPDATE, { id: 'skill:django', v: django.version, input: { label: 'Django' } });
      }
    },
  );

  it.skipIf(skip)('lists taxonomy changes since a time with cursors', async () => {
    const all = (
      await svc().gql(
        `{ taxonomyChanges(first: 3) { totalCount edges { node { seq at } cursor } pageInfo { hasNextPage endCursor } } }`,
      )
    ).body.data.taxonomyChanges;
    expect(all.edges).toHaveLength(3);
    expect(all.totalCount).toBeGreaterThan(3);
    expect(all.pageInfo.hasNextPage).toBe(true);
    const next = (
      await svc().gql(`query($a: String) { taxonomyChanges(first: 3, after: $a) { edges { node { seq } } } }`, {
        a: all.pageInfo.endCursor,
      })
    ).body.data.taxonomyChanges;
    expect(next.edges[0].node.seq).toBeLessThan(all.edges[2].node.seq);
    const since = all.edges[0].node.at;
    const recent = (
      await svc().gql(`query($s: DateTime) { taxonomyChanges(since: $s, first: 50) { edges { node { at } } } }`, {
        s: since,
      })
    ).body.data.taxonomyChanges;
    expect(recent.edges.every((e: { node: { at: string } }) => e.node.at >= since)).toBe(true);
    expect(
      (await svc().gql(`{ taxonomyChanges(since: "yesterday") { edges { cursor } } }`)).body.errors?.[0].extensions
        ?.code,
    ).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
