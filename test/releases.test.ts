/**
 * Taxonomy releases over HTTP on both stores: freeze the taxonomy under a name, change it, and read back what a
 * release froze (a skill as it was), the diff from a release to the live taxonomy and between two releases,
 * with the refusals (role, name, duplicate, unknown release).
 */
import { describe, expect, it } from 'vitest';
import { serviceOn, STORES } from './support/service.ts';

const CREATE = `mutation($n: String!, $note: String) { createRelease(name: $n, note: $note) { name seq by note skillCount occupationCount } }`;
const DIFF = `query($from: String!, $to: String) { releaseDiff(from: $from, to: $to) {
  from to counts { added removed renamed moved merged deprecated aliasesChanged descriptionChanged occupations }
  added { id label } renamed { id from to } moved { id from to } merged { id into } deprecated { id }
  aliasesChanged { id } occupationsChanged } }`;

describe.each(STORES)('taxonomy releases on the $store store', ({ store, skip }) => {
  const svc = serviceOn(store, skip);

  it.skipIf(skip)('freezes, diffs and reads back a release while the live taxonomy moves on', async () => {
    const { gql } = svc();
    const code = async (q: string, v: Record<string, unknown>, key = 'editor') =>
      (await gql(q, v, key)).body.errors?.[0]?.extensions?.code;
    expect(await code(CREATE, { n: '2026.12' }, 'reader')).toBe('FORBIDDEN');
    expect(await code(CREATE, { n: 'no spaces please' })).toBe('BAD_USER_INPUT');
    const first = (await gql(CREATE, { n: '2026.12', note: 'first public taxonomy' }, 'editor')).body;
    expect(first.errors).toBeUndefined();
    expect(first.data.createRelease).toMatchObject({
      name: '2026.12',
      note: 'first public taxonomy',
      by: expect.stringMatching(/^editor/),
      skillCount: 1511,
      occupationCount: 219,
    });
    expect(await code(CREATE, { n: '2026.12' })).toBe('CONFLICT');

    // The live taxonomy moves on.
    const edit = async (q: string) => {
      const r = await gql(q, {}, 'editor');
      expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
      return r.body.data;
    };
    await edit(
      `mutation { createSkill(input: { label: "Quantum widgets", parentIds: ["skill:software-development"] }) { id } }`,
    );
    const { version } = (await edit(`{ skill(id: "skill:python") { version } }`)).skill;
    await edit(
      `mutation { updateSkill(id: "skill:python", expectedVersion: ${version}, input: { label: "Python 3" }) { id } }`,
    );
    await edit(`mutation { setSkillParents(id: "skill:docker", parentIds: ["skill:software-development"]) { id } }`);
    await edit(`mutation { mergeSkills(sourceId: "skill:typescript", targetId: "skill:javascript") { id } }`);
    await edit(`mutation { deprecateSkill(id: "skill:perl") { id } }`);
    await edit(`mutation { addSkillAlias(id: "skill:go", alias: "go programming") { id } }`);

    const live = (await gql(DIFF, { from: '2026.12' })).body.data.releaseDiff;
    expect(live.to).toBeNull();
    expect(live.added).toEqual([{ id: 'skill:quantum-widgets', label: 'Quantum widgets' }]);
    expect(live.renamed).toEqual([{ id: 'skill:python', from: 'Python', to: 'Python 3' }]);
    expect(live.moved).toContainEqual(
      expect.objectContaining({ id: 'skill:docker', to: ['skill:software-development'] }),
    );
    expect(live.merged).toEqual([{ id: 'skill:typescript', into: 'skill:javascript' }]);
    expect(live.deprecated).toEqual([{ id: 'skill:perl' }]);
    expect(live.aliasesChanged.map((s: any) => s.id)).toEqual(
      expect.arrayContaining(['skill:go', 'skill:javascript', 'skill:typescript']),
    );
    expect(live.counts).toMatchObject({ added: 1, renamed: 1, merged: 1, deprecated: 1, removed: 0 });

    // A second release: the diff between the two is the diff above; the first still shows the old skill.
    const second = (await gql(CREATE, { n: '2027.01' }, 'editor')).body.data.createRelease;
    expect(second.seq).toBeGreaterThan(first.data.createRelease.seq);
    expect(second.skillCount).toBe(1512);
    const between = (await gql(DIFF, { from: '2026.12', to: '2027.01' })).body.data.releaseDiff;
    expect({ ...between, to: null }).toEqual(live);
    const released = (await gql(`{ releasedSkill(release: "2026.12", id: "skill:python") { label status parentIds } }`))
      .body.data.releasedSkill;
    expect(released).toMatchObject({ label: 'Python', status: 'ACTIVE' });
    expect(
      (await gql(`{ releasedSkill(release: "2026.12", id: "skill:quantum-widgets") { label } }`)).body.data
        .releasedSkill,
    ).toBeNull();
    expect((await gql(`{ releases { name } }`)).body.data.releases.map((r: any) => r.name)).toEqual([
      '2027.01',
      '2026.12',
    ]);
    expect(await code(`{ releaseDiff(from: "1999.01") { from } }`, {}, 'reader')).toBe('NOT_FOUND');
  });
});
