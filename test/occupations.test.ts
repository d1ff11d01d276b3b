/**
 * Occupations over HTTP on both stores: the occupation tree (roots, groups, children), creating and editing
 * occupations and their skills with versions, cycles and unique names refused, history kept, and the title
 * normaliser seeing a new alias at once.
 */
import { describe, expect, it, vi } from 'vitest';
import { serviceOn, STORES } from './support/service.ts';

const OCC = `id label aliases kind version parent { id } children { id } skills { skill { id } relation }`;

describe.each(STORES)('occupations on the $store store', ({ store, skip }) => {
  const svc = serviceOn(store, skip);

  it.skipIf(skip)('a tree of groups and occupations, edited with versions and checked for cycles', async () => {
    const { gql } = svc();
    const roots = (await gql(`{ occupationRoots { id label kind version } }`)).body.data.occupationRoots;
    expect(roots.length).toBe(219);
    expect(roots.map((r: any) => r.label)).toEqual(
      roots.map((r: any) => r.label).sort((a: string, b: string) => a.localeCompare(b)),
    );
    expect(roots.find((r: any) => r.id === 'occupation:data-engineer')).toMatchObject({
      kind: 'OCCUPATION',
      version: 0,
    });

    const create = `mutation($input: CreateOccupationInput!) { createOccupation(input: $input) { ${OCC} } }`;
    expect(
      (await gql(create, { input: { label: 'Data occupations' } }, 'reader')).body.errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const group = (
      await gql(create, { input: { label: 'Data occupations', description: 'Working with data.' } }, 'editor')
    ).body;
    expect(group.errors).toBeUndefined();
    expect(group.data.createOccupation).toMatchObject({ id: 'occupation:data-occupations', version: 1, parent: null });
    expect(
      (await gql(create, { input: { label: 'data engineer' } }, 'editor')).body.errors?.[0]?.extensions?.code,
    ).toBe('CONFLICT');

    const update = `mutation($id: ID!, $v: Int!, $input: UpdateOccupationInput!) { updateOccupation(id: $id, expectedVersion: $v, input: $input) { ${OCC} } }`;
    const moved = (
      await gql(
        update,
        {
          id: 'occupation:data-engineer',
          v: 0,
          input: { parentId: 'occupation:data-occupations', aliases: ['pipeline wrangler'] },
        },
        'editor',
      )
    ).body;
    expect(moved.errors).toBeUndefined();
    expect(moved.data.updateOccupation).toMatchObject({
      version: 1,
      parent: { id: 'occupation:data-occupations' },
      aliases: ['pipeline wrangler'],
    });
    const tree = (
      await gql(`{ occupation(id: "occupation:data-occupations") { children { id } } occupationRoots { id } }`)
    ).body.data;
    expect(tree.occupation.children).toEqual([{ id: 'occupation:data-engineer' }]);
    expect(tree.occupationRoots.map((r: any) => r.id)).not.toContain('occupation:data-engineer');
    // A stale version and a cycle are refused; nothing changes.
    expect(
      (await gql(update, { id: 'occupation:data-engineer', v: 0, input: { description: 'x' } }, 'editor')).body
        .errors?.[0]?.extensions?.code,
    ).toBe('CONFLICT');
    const cycle = await gql(
      update,
      { id: 'occupation:data-occupations', v: 1, input: { parentId: 'occupation:data-engineer' } },
      'editor',
    );
    expect(cycle.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(cycle.body.errors?.[0]?.message).toContain('cycle');

    // The title normaliser sees the new alias at once.
    const title = (
      await gql(`{ normalizeTitle(text: "Senior Pipeline Wrangler") { match occupation { id } } }`, {}, 'reader')
    ).body.data.normalizeTitle;
    expect(title).toEqual({ match: 'EXACT', occupation: { id: 'occupation:data-engineer' } });
  });

  /** Runs a query with the store's record and edge reads watched: the getNodes calls and every edge read's. */
  const watchedReads = async (query: string) => {
    const store = svc().service.store;
    const records = vi.spyOn(store, 'getNodes');
    const edges = [
      vi.spyOn(store, 'neighbors'),
      vi.spyOn(store, 'neighborsMany'),
      vi.spyOn(store, 'neighborLinksMany'),
    ];
    try {
      const { body } = await svc().gql(query);
      return { body, records: records.mock.calls, edges: edges.flatMap((e) => e.mock.calls as unknown[][]) };
    } finally {
      records.mockRestore();
      for (const e of edges) e.mockRestore();
    }
  };

  it.skipIf(skip)(
    'answers the occupation tree from memory: no group edges read, no records but the one asked for',
    async () => {
      const q = `{ occupation(id: "occupation:data-engineer") { parent { id label } } occupationRoots { id } g: occupation(id: "occupation:data-occupations") { children { id label } } }`;
      const expected = (await svc().gql(q)).body.data;
      const { body, records, edges } = await watchedReads(q);
      expect(body.data).toEqual(expected);
      expect(body.data.occupation.parent).toMatchObject({ id: 'occupation:data-occupations' });
      expect(body.data.g.children.map((c: { id: string }) => c.id)).toContain('occupation:data-engineer');
      // The two occupations asked for by id are read from the store (one batch); their groups, members and the
      // roots are not.
      expect(records.filter(([label]) => label === 'Occupation')).toHaveLength(1);
      expect(edges.filter((c) => c.includes('BROADER_OCCUPATION'))).toEqual([]);
    },
  );

  it.skipIf(skip)(
    'answers which skills an occupation needs and which occupations need a skill from memory: no NEEDS_SKILL read',
    async () => {
      const q = `{ occupation(id: "occupation:data-engineer") { skills { skill { id label } relation } }
                   skill(id: "skill:python") { occupations { occupation { id label } relation } } }`;
      const expected = (await svc().gql(q)).body.data;
      expect(expected.occupation.skills.length).toBeGreaterThan(0);
      expect(expected.skill.occupations.map((o: any) => o.occupation.id)).toContain('occupation:data-engineer');
      const { body, records, edges } = await watchedReads(q);
      expect(body.data).toEqual(expected);
      // The occupation and the skill asked for by id are read (a batch each); what links them is not, nor the
      // records of the skills and occupations at their other ends.
      expect(records.map(([label, ids]) => [label, ids])).toEqual(
        expect.arrayContaining([
          ['Occupation', ['occupation:data-engineer']],
          ['Skill', ['skill:python']],
        ]),
      );
      expect(records).toHaveLength(2);
      expect(edges.filter((c) => c.includes('NEEDS_SKILL'))).toEqual([]);
    },
  );

  it.skipIf(skip)('an occupation’s skills are replaced as a whole, with history', async () => {
    const { gql } = svc();
    const set = `mutation($v: Int!, $skills: [OccupationSkillInput!]!) { setOccupationSkills(id: "occupation:data-engineer", expectedVersion: $v, skills: $skills) { version skills { skill { id } relation } } }`;
    const { version } = (await gql(`{ occupation(id: "occupation:data-engineer") { version } }`)).body.data.occupation;
    const code = async (v: Record<string, unknown>) => (await gql(set, v, 'editor')).body.errors?.[0]?.extensions?.code;
    expect(await code({ v: version, skills: [{ skillId: 'skill:no-such', relation: 'ESSENTIAL' }] })).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      await code({
        v: version,
        skills: [
          { skillId: 'skill:python', relation: 'ESSENTIAL' },
          { skillId: 'skill:python', relation: 'OPTIONAL' },
        ],
      }),
    ).toBe('BAD_USER_INPUT');
    expect(await code({ v: version + 5, skills: [] })).toBe('CONFLICT');
    const done = (
      await gql(
        set,
        {
          v: version,
          skills: [
            { skillId: 'skill:python', relation: 'ESSENTIAL' },
            { skillId: 'skill:docker', relation: 'OPTIONAL' },
          ],
        },
        'editor',
      )
    ).body;
    expect(done.errors).toBeUndefined();
    expect(done.data.setOccupationSkills.version).toBe(version + 1);
    expect(
      [...done.data.setOccupationSkills.skills].sort((a: any, b: any) => a.skill.id.localeCompare(b.skill.id)),
    ).toEqual([
      { skill: { id: 'skill:docker' }, relation: 'OPTIONAL' },
      { skill: { id: 'skill:python' }, relation: 'ESSENTIAL' },
    ]);
    const docker = (
      await gql(`{ skill(id: "skill:docker") { occupations(first: 500) { occupation { id } relation } } }`)
    ).body.data.skill.occupations;
    expect(docker).toContainEqual({ occupation: { id: 'occupation:data-engineer' }, relation: 'OPTIONAL' });
    const history = (
      await gql(
        `{ occupation(id: "occupation:data-engineer") { history { edges { node { operation before after } } } } }`,
      )
    ).body.data.occupation.history.edges.map((e: any) => e.node);
    expect(history.map((h: any) => h.operation)).toEqual(['SET_OCCUPATION_SKILLS', 'UPDATE_OCCUPATION']);
    expect(history[0].after.skills).toEqual([
      { skillId: 'skill:docker', relation: 'optional' },
      { skillId: 'skill:python', relation: 'essential' },
    ]);
  });
});
