/**
 * Unmapped terms over HTTP on both stores: what upserts' skills sections and declared names could not map is
 * counted over jobs and members, with examples; it leaves the list when a skill owns the name or an editor
 * ignores it. Member examples are for admins only.
 */
import { describe, expect, it } from 'vitest';
import { serviceOn, STORES } from './support/service.ts';

const UPSERT_JOB = `mutation($input: JobInput!) { upsertJob(input: $input) { unknownSkills } }`;
const UPSERT_MEMBER = `mutation($input: MemberInput!) { upsertMember(input: $input) { unknownSkills } }`;
const TERMS = `query($min: Int) { unmappedTerms(minCount: $min) {
  scanned resolved terms { term count jobs members examples { kind id snippet } } } }`;

const posting = (tool: string) =>
  `Platform engineer\n\nRequirements\n- Experience with ${tool}\n- Python and Kubernetes\n- 5+ years of SQL\n\nBenefits\nFlexible hours.`;

describe.each(STORES)('unmapped terms on the $store store', ({ store, skip }) => {
  const svc = serviceOn(store, skip);
  const terms = async (key = 'editor', min = 2) => {
    const res = await svc().gql(TERMS, { min }, key);
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    return res.body.data.unmappedTerms;
  };
  const find = (report: { terms: Array<{ term: string }> }, term: string) =>
    report.terms.find((t) => t.term.toLowerCase() === term.toLowerCase());

  it.skipIf(skip)('extraction reports the skills-section items no skill name matched', async () => {
    const res = await svc().gql(
      `query($t: String!) { extractSkills(text: $t) { skills { skill { id } } unmappedTerms } }`,
      { t: posting('Flurbo pipelines') },
      'reader',
    );
    expect(res.body.data.extractSkills.unmappedTerms).toEqual(['Flurbo pipelines']);
    expect(res.body.data.extractSkills.skills.map((s: { skill: { id: string } }) => s.skill.id)).toEqual(
      expect.arrayContaining(['skill:python', 'skill:kubernetes']),
    );
  });

  it.skipIf(skip)('counts terms over jobs and members, leaves out owned and ignored ones', async () => {
    for (const [id, tool] of [
      ['terms-job-1', 'Flurbo pipelines'],
      ['terms-job-2', 'flurbo pipelines'],
      ['terms-job-3', 'Quuxdb'],
    ])
      await svc().gql(
        UPSERT_JOB,
        { input: { id, title: 'Platform engineer', description: posting(tool), skills: [{ skill: 'Grommeting' }] } },
        'admin',
      );
    const member = await svc().gql(
      UPSERT_MEMBER,
      { input: { id: 'terms-member-1', headline: 'Engineer', skills: ['Flurbo pipelines', 'Quuxdb'] } },
      'admin',
    );
    expect(member.body.data.upsertMember.unknownSkills).toEqual(['Flurbo pipelines', 'Quuxdb']);

    expect((await svc().gql(TERMS, {}, 'reader')).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const report = await terms();
    expect(report.scanned).toBeGreaterThanOrEqual(4);
    expect(find(report, 'Flurbo pipelines')).toMatchObject({ count: 3, jobs: 2, members: 1 });
    expect(find(report, 'Grommeting')).toMatchObject({ count: 3, jobs: 3, members: 0 });
    expect(find(report, 'Quuxdb')).toMatchObject({ count: 2, jobs: 1, members: 1 });
    // Editors see job examples only; admins may see members' too.
    const flurbo = find(report, 'Flurbo pipelines') as unknown as {
      examples: Array<{ kind: string; snippet: string }>;
    };
    expect(flurbo.examples.map((e) => e.kind)).toEqual(['JOB', 'JOB']);
    expect(flurbo.examples[0].snippet).toContain('Experience with Flurbo pipelines');
    const asAdmin = find(await terms('admin'), 'Flurbo pipelines') as unknown as { examples: Array<{ kind: string }> };
    expect(asAdmin.examples.map((e) => e.kind).sort()).toEqual(['JOB', 'JOB', 'MEMBER']);
    // Skills already known never show up; neither do years of experience.
    expect(find(report, 'Python')).toBeUndefined();
    expect(report.terms.some((t: { term: string }) => /years/i.test(t.term))).toBe(false);

    // An editor adds one as an alias: it is gone at once (no rescan).
    const alias = await svc().gql(
      `mutation { addSkillAlias(id: "skill:etl", alias: "Flurbo pipelines") { id } }`,
      {},
      'editor',
    );
    expect(alias.body.errors).toBeUndefined();
    const after = await terms();
    expect(find(after, 'Flurbo pipelines')).toBeUndefined();
    expect(after.resolved).toBeGreaterThanOrEqual(1);
    // And ignores another.
    const ignore = `mutation($t: String!) { ignoreUnmappedTerm(term: $t) }`;
    expect((await svc().gql(ignore, { t: 'grommeting' }, 'editor')).body.data.ignoreUnmappedTerm).toBe(true);
    expect((await svc().gql(ignore, { t: 'Grommeting' }, 'editor')).body.data.ignoreUnmappedTerm).toBe(false);
    expect(find(await terms(), 'Grommeting')).toBeUndefined();
    expect(find(await terms(), 'Quuxdb')).toBeDefined();
  });

  it.skipIf(skip)('lists active skills no job or member uses, directly or through a narrower skill', async () => {
    const q = `query($d: ID) { unusedSkills(first: 1000, domainId: $d) { total active skills { id } } }`;
    expect((await svc().gql(q, {}, 'reader')).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const res = await svc().gql(q, {}, 'editor');
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    const all = res.body.data.unusedSkills;
    expect(all.skills).toHaveLength(Math.min(all.total, 1000));
    expect(all.active).toBeGreaterThan(all.total);
    const inDomain = async (d: string) => {
      const r = (await svc().gql(q, { d }, 'editor')).body.data.unusedSkills;
      expect(r.total).toBeLessThan(all.total);
      return r.skills.map((s: { id: string }) => s.id);
    };
    // The earlier test's jobs ask for Python and Kubernetes: they and their ancestors are used.
    const software = await inDomain('skill:software-development');
    expect(software).not.toContain('skill:python');
    expect(software).not.toContain('skill:programming-languages');
    expect(software).not.toContain('skill:software-development');
    expect(await inDomain('skill:cloud-and-infrastructure')).not.toContain('skill:kubernetes');
    const trades = await inDomain('skill:skilled-trades-and-manufacturing');
    expect(trades).toContain('skill:welding');
    expect(software).not.toContain('skill:welding');
  });
});
