/** Members, jobs and interactions over HTTP on both stores: ingest with extraction, reads, filters, roles, deletion. */
import { describe, expect, it, vi } from 'vitest';
import { progressReporter } from '../src/marketplace/import.ts';
import type { ImportProgress, ImportSummary } from '../src/marketplace/import.ts';
import { serviceOn, STORES } from './support/service.ts';

const MEMBER_FIELDS = `id headline seniority openToRemote desiredTitles version
  location { id name level parent { id name parent { id } } }
  experience { title company start end }
  skills { skill { id } source relation confidence }
  titles { kind title { id label occupation { id } } }
  companies { id name }
  interactions { type at first count job { id } }`;
const JOB_FIELDS = `id title companyName company { id name } workplace seniority postedAt expiresAt
  location { id } skills { skill { id } relation confidence } normalizedTitle { label occupation { id } } version`;

const UPSERT_MEMBER = `mutation($input: MemberInput!) { upsertMember(input: $input) { created unknownSkills skills { skill { id } source } member { ${MEMBER_FIELDS} } } }`;
const UPSERT_JOB = `mutation($input: JobInput!) { upsertJob(input: $input) { created skills { skill { id } relation } job { ${JOB_FIELDS} } } }`;
const INTERACT = `mutation($m: ID!, $j: ID!, $t: InteractionType!, $at: DateTime) { recordInteraction(memberId: $m, jobId: $j, type: $t, at: $at) { type at first count member { id } job { id } } }`;

const ALICE = {
  id: 'm-alice',
  headline: 'Senior Data Engineer',
  summary: 'I build data pipelines with Apache Spark and Python, and model warehouses in SQL.',
  location: { city: 'Berlin', region: 'Berlin', country: 'Germany' },
  experience: [
    {
      title: 'Senior Data Engineer',
      company: 'Acme Analytics',
      description: 'Built streaming pipelines on Apache Kafka.',
      start: '2021-03',
    },
    {
      title: 'Software Developer',
      company: 'Globex',
      description: 'Wrote Java services.',
      start: '2017-01',
      end: '2021-02',
    },
  ],
  desiredTitles: ['Data Architect'],
  openToRemote: true,
  skills: ['skill:docker', 'Kubernetes', 'underwater basket weaving'],
};

const JOB = {
  id: 'j-data-1',
  title: 'Senior Data Engineer (m/f/d)',
  company: 'Initech',
  location: { city: 'Munich', region: 'Bavaria', country: 'Germany' },
  workplace: 'HYBRID',
  description:
    'Responsibilities\nBuild batch pipelines.\n\nRequirements\n- Apache Spark\n- Python\n- SQL\n\nNice to have\n- Kubernetes',
  postedAt: '2026-10-01T00:00:00Z',
  expiresAt: '2026-12-31T00:00:00Z',
};

describe.each(STORES)('marketplace on the $store store', ({ store, skip }) => {
  const svc = serviceOn(store, skip);

  it.skipIf(skip)('upserts a member: declared and extracted skills, titles, companies, location chain', async () => {
    const res = await svc().gql(UPSERT_MEMBER, { input: ALICE }, 'admin');
    expect(res.body.errors).toBeUndefined();
    const up = res.body.data.upsertMember;
    expect(up.created).toBe(true);
    expect(up.unknownSkills).toEqual(['underwater basket weaving']);
    const skills = Object.fromEntries(up.member.skills.map((s: any) => [s.skill.id, s.source]));
    expect(skills['skill:docker']).toBe('DECLARED');
    expect(skills['skill:kubernetes']).toBe('DECLARED');
    expect(skills['skill:apache-spark']).toBe('EXTRACTED');
    expect(skills['skill:apache-kafka']).toBe('EXTRACTED');
    expect(up.member.seniority).toBe('SENIOR');
    expect(up.member.location).toMatchObject({
      id: 'location:germany/berlin/berlin',
      level: 'CITY',
      parent: { id: 'location:germany/berlin', parent: { id: 'location:germany' } },
    });
    expect(up.member.companies.map((c: any) => c.name).sort()).toEqual(['Acme Analytics', 'Globex']);
    const titles = Object.fromEntries(up.member.titles.map((t: any) => [t.title.label, t.kind]));
    expect(titles).toEqual({ 'data engineer': 'CURRENT', 'software developer': 'PAST', 'data architect': 'DESIRED' });
    expect(up.member.titles.find((t: any) => t.title.label === 'data engineer').title.occupation?.id).toBe(
      'occupation:data-engineer',
    );
  });

  it.skipIf(skip)('re-upserting replaces owned edges, bumps the version and keeps interactions', async () => {
    expect((await svc().gql(UPSERT_JOB, { input: JOB }, 'admin')).body.errors).toBeUndefined();
    expect(
      (await svc().gql(INTERACT, { m: 'm-alice', j: 'j-data-1', t: 'APPLIED', at: '2026-10-02T10:00:00Z' }, 'admin'))
        .body.errors,
    ).toBeUndefined();
    const res = await svc().gql(
      UPSERT_MEMBER,
      { input: { ...ALICE, skills: [], experience: [ALICE.experience[0]], location: { country: 'Germany' } } },
      'admin',
    );
    const m = res.body.data.upsertMember.member;
    expect(res.body.data.upsertMember.created).toBe(false);
    expect(m.version).toBe(2);
    expect(m.skills.map((s: any) => s.skill.id)).not.toContain('skill:docker');
    expect(m.companies.map((c: any) => c.name)).toEqual(['Acme Analytics']);
    expect(m.location.id).toBe('location:germany');
    expect(m.interactions).toMatchObject([{ type: 'APPLIED', job: { id: 'j-data-1' }, count: 1 }]);
  });

  it.skipIf(skip)('upserts a job: extraction relations, normalised title, company, inferred seniority', async () => {
    const res = await svc().gql(`query { job(id: "j-data-1") { ${JOB_FIELDS} } }`, {}, 'reader');
    const job = res.body.data.job;
    expect(job.seniority).toBe('SENIOR');
    expect(job.company).toEqual({ id: 'company:initech', name: 'Initech' });
    expect(job.normalizedTitle).toEqual({ label: 'data engineer', occupation: { id: 'occupation:data-engineer' } });
    const rel = Object.fromEntries(job.skills.map((s: any) => [s.skill.id, s.relation]));
    expect(rel['skill:apache-spark']).toBe('REQUIRED');
    expect(rel['skill:python']).toBe('REQUIRED');
    expect(rel['skill:kubernetes']).toBe('MENTIONED');
  });

  it.skipIf(skip)('records interactions: counts repeats, keeps first and latest time', async () => {
    await svc().gql(INTERACT, { m: 'm-alice', j: 'j-data-1', t: 'VIEWED', at: '2026-10-05T00:00:00Z' }, 'admin');
    const res = await svc().gql(
      INTERACT,
      { m: 'm-alice', j: 'j-data-1', t: 'VIEWED', at: '2026-10-03T00:00:00Z' },
      'admin',
    );
    expect(res.body.data.recordInteraction).toMatchObject({
      type: 'VIEWED',
      count: 2,
      first: '2026-10-03T00:00:00.000Z',
      at: '2026-10-05T00:00:00.000Z',
      member: { id: 'm-alice' },
    });
    const missing = await svc().gql(INTERACT, { m: 'm-nobody', j: 'j-data-1', t: 'VIEWED' }, 'admin');
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(missing.body.errors?.[0]?.message).toMatch(/m-nobody/);
  });

  it.skipIf(skip)('counts concurrent interactions of one pair, none lost', async () => {
    const before = await svc().gql(
      INTERACT,
      { m: 'm-alice', j: 'j-data-1', t: 'SAVED', at: '2026-09-01T00:00:00Z' },
      'admin',
    );
    const base = before.body.data.recordInteraction.count;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        svc().gql(
          INTERACT,
          { m: 'm-alice', j: 'j-data-1', t: 'SAVED', at: `2026-09-02T00:00:${String(i).padStart(2, '0')}Z` },
          'admin',
        ),
      ),
    );
    const counts = answers.map((a) => a.body.data.recordInteraction.count).sort((a: number, b: number) => a - b);
    // Each call saw the one before it: the answers count up one by one to base + 20.
    expect(counts).toEqual(Array.from({ length: 20 }, (_, i) => base + i + 1));
  });

  it.skipIf(skip)('refuses bad input with BAD_USER_INPUT naming the field, changing nothing', async () => {
    const seq = await svc().service.store.lastSeq();
    for (const [input, field] of [
      [{ ...ALICE, experience: [{ title: 'x', start: '2020-13-45' }] }, /experience\[0\]\.start/],
      [{ ...ALICE, experience: [{ title: 'x', start: '2021-01', end: '2020-01' }] }, /experience\[0\]\.end/],
      [{ ...ALICE, id: '' }, /id/],
      [{ ...ALICE, headline: 'x'.repeat(301) }, /headline/],
    ] as const) {
      const res = await svc().gql(UPSERT_MEMBER, { input }, 'admin');
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors?.[0]?.message).toMatch(field);
    }
    const job = await svc().gql(
      UPSERT_JOB,
      { input: { ...JOB, id: 'j-bad', postedAt: '2026-10-01T00:00:00Z', expiresAt: '2026-09-01T00:00:00Z' } },
      'admin',
    );
    expect(job.body.errors?.[0]?.message).toMatch(/expiresAt/);
    expect(await svc().service.store.lastSeq()).toBe(seq);
    expect((await svc().gql(`{ job(id: "j-bad") { id } }`, {}, 'reader')).body.data.job).toBeNull();
  });

  it.skipIf(skip)('needs role admin for member data and mutations; reader may read jobs', async () => {
    expect((await svc().gql(`{ member(id: "m-alice") { id } }`, {}, 'reader')).body.errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await svc().gql(UPSERT_JOB, { input: { ...JOB, id: 'j-x' } }, 'editor')).body.errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const interactions = await svc().gql(`{ job(id: "j-data-1") { id interactions { type } } }`, {}, 'reader');
    expect(interactions.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await svc().gql(`{ job(id: "j-data-1") { id } }`, {}, 'reader')).body.data.job.id).toBe('j-data-1');
  });

  it.skipIf(skip)('lists jobs with filters and members with paging', async () => {
    await svc().gql(
      UPSERT_JOB,
      {
        input: {
          ...JOB,
          id: 'j-remote',
          workplace: 'REMOTE',
          location: { country: 'France' },
          title: 'Junior Data Analyst',
          expiresAt: '2026-10-15T00:00:00Z',
        },
      },
      'admin',
    );
    await svc().gql(UPSERT_MEMBER, { input: { id: 'm-bob', headline: 'Nurse' } }, 'admin');
    const q = `query($f: JobFilter) { jobs(first: 10, filter: $f) { totalCount edges { node { id } } } }`;
    const ids = async (f: unknown) =>
      (await svc().gql(q, { f }, 'reader')).body.data.jobs.edges.map((e: any) => e.node.id);
    expect(await ids(null)).toEqual(['j-data-1', 'j-remote']);
    expect(await ids({ workplace: ['REMOTE'] })).toEqual(['j-remote']);
    expect(await ids({ locationId: 'location:germany' })).toEqual(['j-data-1']);
    expect(await ids({ seniority: ['JUNIOR'] })).toEqual(['j-remote']);
    expect(await ids({ activeAt: '2026-11-01T00:00:00Z' })).toEqual(['j-data-1']);
    expect(await ids({ companyId: 'company:initech' })).toEqual(['j-data-1', 'j-remote']);
    expect((await svc().gql(q, { f: { workplace: ['REMOTE'] } }, 'reader')).body.data.jobs.totalCount).toBe(1);
    const page1 = (
      await svc().gql(
        `{ members(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        {},
        'admin',
      )
    ).body.data.members;
    expect(page1).toMatchObject({
      totalCount: 2,
      pageInfo: { hasNextPage: true },
      edges: [{ node: { id: 'm-alice' } }],
    });
    const page2 = (
      await svc().gql(
        `query($a: String) { members(first: 1, after: $a) { pageInfo { hasNextPage } edges { node { id } } } }`,
        { a: page1.pageInfo.endCursor },
        'admin',
      )
    ).body.data.members;
    expect(page2).toMatchObject({ pageInfo: { hasNextPage: false }, edges: [{ node: { id: 'm-bob' } }] });
  });

  it.skipIf(skip)('deleting a member removes it, its edges and the personal data in its change events', async () => {
    const res = await svc().gql(`mutation { deleteMember(id: "m-alice") }`, {}, 'admin');
    expect(res.body.data.deleteMember).toBe(true);
    expect((await svc().gql(`{ member(id: "m-alice") { id } }`, {}, 'admin')).body.data.member).toBeNull();
    expect(await svc().service.store.neighbors({ label: 'Job', id: 'j-data-1' }, 'APPLIED', 'in')).toEqual([]);
    const events = await svc().service.store.changes(0, 100_000);
    const aboutAlice = events.filter((e) => e.node?.id === 'm-alice');
    expect(aboutAlice.length).toBeGreaterThan(1);
    expect(JSON.stringify(aboutAlice)).not.toMatch(/Data Engineer|pipelines/);
    const history = await svc().service.store.history({ feed: 'marketplace', subject: 'm-alice', first: 100 });
    expect(JSON.stringify(history)).not.toMatch(/pipelines/);
    expect((await svc().gql(`mutation { deleteMember(id: "m-alice") }`, {}, 'admin')).body.data.deleteMember).toBe(
      false,
    );
  });
});

describe('import progress', () => {
  it("reports each file's first and last batch and at most one in between per interval, with rate and time left", () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const seen: ImportProgress[] = [];
      const report = progressReporter(1000, (p) => seen.push(p));
      const summary: ImportSummary = {
        members: { read: 0, imported: 0, failed: 0 },
        jobs: { read: 0, imported: 0, failed: 0 },
        interactions: { read: 0, imported: 0, failed: 0 },
        errors: [],
        ms: 0,
      };
      const batch = (file: 'members' | 'jobs', ms: number, lines: number, fraction: number) => {
        vi.advanceTimersByTime(ms);
        summary[file].imported += 90;
        summary[file].failed += 10;
        report(`${file}.jsonl`, lines, summary, fraction);
      };
      batch('members', 500, 100, 0.25); // first of the file: reported
      batch('members', 400, 200, 0.5); // 0.4 s after: not
      batch('members', 700, 300, 0.75); // 1.1 s after: reported
      batch('members', 100, 400, 1); // the last: reported
      batch('jobs', 2000, 100, 0.5); // another file: reported, its clock from the members' last batch
      expect(seen).toEqual([
        {
          file: 'members.jsonl',
          lines: 100,
          percent: 25,
          stored: 90,
          skipped: 10,
          recordsPerSecond: 200,
          secondsLeft: 2,
        },
        {
          file: 'members.jsonl',
          lines: 300,
          percent: 75,
          stored: 270,
          skipped: 30,
          recordsPerSecond: 188,
          secondsLeft: 1,
        },
        {
          file: 'members.jsonl',
          lines: 400,
          percent: 100,
          stored: 360,
          skipped: 40,
          recordsPerSecond: 235,
          secondsLeft: null,
        },
        { file: 'jobs.jsonl', lines: 100, percent: 50, stored: 90, skipped: 10, recordsPerSecond: 50, secondsLeft: 2 },
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
});
