/**
 * Reviewed change sets over HTTP on both stores: propose (checked now, nothing applied), read the effect,
 * comment, approve (all edits in one transaction with their history) or reject; a change set that no longer
 * fits is refused whole; roles, self-approval and the direct-edit policy.
 */
import { describe, expect, it } from 'vitest';
import { serviceOn, STORES } from './support/service.ts';

const CS_FIELDS = `id title description status proposedBy decidedBy
  edits { operation skillIds arguments }
  comments { by kind text }
  effect { edits { operation subjects before after } problem { code message } }`;
const PROPOSE = `mutation($input: ChangeSetInput!) { proposeChangeSet(input: $input) { ${CS_FIELDS} } }`;
const APPROVE = `mutation($id: ID!, $c: String) { approveChangeSet(id: $id, comment: $c) { ${CS_FIELDS} } }`;
const REJECT = `mutation($id: ID!, $r: String!) { rejectChangeSet(id: $id, reason: $r) { ${CS_FIELDS} } }`;
const COMMENT = `mutation($id: ID!, $c: String!) { commentOnChangeSet(id: $id, comment: $c) { ${CS_FIELDS} } }`;
const GET = `query($id: ID!) { changeSet(id: $id) { ${CS_FIELDS} } }`;
const SKILL = `query($id: ID!) { skill(id: $id) { id label aliases version parents { id }
  history(first: 5) { edges { node { operation subjects after } } } } }`;

describe.each(STORES)('change sets on the $store store', ({ store, skip }) => {
  const svc = serviceOn(store, skip);
  const skill = async (id: string) => (await svc().gql(SKILL, { id })).body.data.skill;
  const code = (res: { body: { errors?: Array<{ extensions?: { code?: string } }> } }) =>
    res.body.errors?.[0]?.extensions?.code;

  it.skipIf(skip)('proposes without applying, then a reviewer applies every edit in one transaction', async () => {
    const seq = await svc().service.store.lastSeq();
    const input = {
      title: 'Add Zig',
      description: 'Teams ask for it.',
      edits: [
        { createSkill: { label: 'Zig', parentIds: ['skill:programming-languages'] } },
        // Depends on the edit before it: planned over what the earlier edits leave.
        { addSkillAlias: { id: 'skill:zig', alias: 'ziglang' } },
        { relateSkills: { fromId: 'skill:zig', toId: 'skill:rust', type: 'SIMILAR' } },
      ],
    };
    expect(code(await svc().gql(PROPOSE, { input }, 'reader'))).toBe('FORBIDDEN');
    const res = await svc().gql(PROPOSE, { input }, 'editor');
    const cs = res.body.data?.proposeChangeSet;
    expect(cs, JSON.stringify(res.body)).toMatchObject({ title: 'Add Zig', status: 'PROPOSED', decidedBy: null });
    expect(cs.edits.map((e: { operation: string }) => e.operation)).toEqual([
      'createSkill',
      'addSkillAlias',
      'relateSkills',
    ]);
    expect(cs.effect.problem).toBeNull();
    expect(cs.effect.edits.map((e: { operation: string }) => e.operation)).toEqual([
      'CREATE_SKILL',
      'ADD_SKILL_ALIAS',
      'RELATE_SKILLS',
    ]);
    expect(cs.effect.edits[1].after.aliases).toEqual(['ziglang']);
    // Nothing applied yet.
    expect(await skill('skill:zig')).toBeNull();
    expect(await svc().service.store.lastSeq()).toBe(seq);

    // Listed for editors, not for readers.
    const list = await svc().gql(`{ changeSets(status: PROPOSED) { id } }`, {}, 'editor');
    expect(list.body.data.changeSets.map((c: { id: string }) => c.id)).toContain(cs.id);
    expect(code(await svc().gql(`{ changeSets { id } }`, {}, 'reader'))).toBe('FORBIDDEN');

    const commented = await svc().gql(COMMENT, { id: cs.id, c: 'Is "ziglang" used?' }, 'reviewer');
    expect(commented.body.data.commentOnChangeSet.comments).toMatchObject([
      { kind: 'COMMENT', text: 'Is "ziglang" used?' },
    ]);

    // Editors cannot approve; a reviewer can.
    expect(code(await svc().gql(APPROVE, { id: cs.id }, 'editor'))).toBe('FORBIDDEN');
    const approved = await svc().gql(APPROVE, { id: cs.id, c: 'Yes.' }, 'reviewer');
    expect(approved.body.data?.approveChangeSet, JSON.stringify(approved.body)).toMatchObject({
      status: 'APPLIED',
      decidedBy: expect.stringMatching(/^reviewer:/),
    });
    const zig = await skill('skill:zig');
    expect(zig).toMatchObject({ label: 'Zig', aliases: ['ziglang'], parents: [{ id: 'skill:programming-languages' }] });
    // Each edit has its own history record naming the change set, by the proposer.
    const ops = zig.history.edges.map((e: { node: { operation: string; after: { changeSet?: string } } }) => [
      e.node.operation,
      e.node.after.changeSet,
    ]);
    expect(ops).toEqual([
      ['RELATE_SKILLS', cs.id],
      ['ADD_SKILL_ALIAS', cs.id],
      ['CREATE_SKILL', cs.id],
    ]);
    // The effect of an applied change set is what it did.
    const after = (await svc().gql(GET, { id: cs.id }, 'editor')).body.data.changeSet;
    expect(after.effect.edits.map((e: { operation: string }) => e.operation)).toEqual([
      'CREATE_SKILL',
      'ADD_SKILL_ALIAS',
      'RELATE_SKILLS',
    ]);
    expect(after.comments.map((c: { kind: string }) => c.kind)).toEqual(['COMMENT', 'APPROVED']);
    // Applied once.
    expect(code(await svc().gql(APPROVE, { id: cs.id }, 'reviewer'))).toBe('CONFLICT');
    // The public feed shows that the discussion happened, not what was said.
    const feed = `{ taxonomyChanges(first: 10) { edges { node { operation actor after } } } }`;
    const pub = await svc().gql(feed);
    expect(pub.body.errors, JSON.stringify(pub.body.errors)).toBeUndefined();
    const anonymous = pub.body.data.taxonomyChanges.edges.map((e: { node: unknown }) => e.node);
    expect(anonymous.find((n: { operation: string }) => n.operation === 'COMMENT_ON_CHANGE_SET')).toEqual({
      operation: 'COMMENT_ON_CHANGE_SET',
      actor: 'reviewer',
      after: null,
    });
    const editors = (await svc().gql(feed, {}, 'editor')).body.data.taxonomyChanges.edges.map(
      (e: { node: unknown }) => e.node,
    );
    expect(editors.find((n: { operation: string }) => n.operation === 'COMMENT_ON_CHANGE_SET').after.text).toBe(
      'Is "ziglang" used?',
    );
  });

  it.skipIf(skip)(
    'refuses a proposal whose edit does not apply now, naming the edit; nothing is recorded',
    async () => {
      const before = (await svc().gql(`{ changeSets { id } }`, {}, 'editor')).body.data.changeSets.length;
      const res = await svc().gql(
        PROPOSE,
        {
          input: {
            title: 'Broken',
            edits: [
              { addSkillAlias: { id: 'skill:rust', alias: 'rustlang-x' } },
              { setSkillParents: { id: 'skill:rust', parentIds: ['skill:no-such-skill'] } },
            ],
          },
        },
        'editor',
      );
      expect(code(res)).toBe('NOT_FOUND');
      expect(res.body.errors![0].message).toMatch(/^Edit 2 \(setSkillParents\): .*skill:no-such-skill/);
      const two = await svc().gql(
        PROPOSE,
        {
          input: {
            title: 'Two at once',
            edits: [
              { addSkillAlias: { id: 'skill:rust', alias: 'x' }, removeSkillAlias: { id: 'skill:rust', alias: 'y' } },
            ],
          },
        },
        'editor',
      );
      expect(code(two)).toBe('BAD_USER_INPUT');
      expect((await svc().gql(`{ changeSets { id } }`, {}, 'editor')).body.data.changeSets.length).toBe(before);
      expect((await skill('skill:rust')).aliases).not.toContain('rustlang-x');
    },
  );

  it.skipIf(skip)('refuses the whole change set when an edit no longer fits, then a reviewer rejects it', async () => {
    const rust = await skill('skill:rust');
    const proposed = await svc().gql(
      PROPOSE,
      {
        input: {
          title: 'Rename Rust',
          edits: [
            { addSkillAlias: { id: 'skill:rust', alias: 'rust-lang' } },
            {
              updateSkill: { id: 'skill:rust', expectedVersion: rust.version, input: { label: 'Rust programming' } },
            },
          ],
        },
      },
      'editor',
    );
    const cs = proposed.body.data?.proposeChangeSet;
    expect(cs, JSON.stringify(proposed.body)).toBeTruthy();
    // Someone edits Rust directly meanwhile.
    const direct = await svc().gql(
      `mutation { addSkillAlias(id: "skill:rust", alias: "rust language") { version } }`,
      {},
      'editor',
    );
    expect(direct.body.data.addSkillAlias.version).toBe(rust.version + 1);
    const now = (await svc().gql(GET, { id: cs.id }, 'reviewer')).body.data.changeSet;
    expect(now.effect.problem).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^Edit 2 \(updateSkill\)/),
    });
    const seq = await svc().service.store.lastSeq();
    const res = await svc().gql(APPROVE, { id: cs.id }, 'reviewer');
    expect(code(res)).toBe('CONFLICT');
    // Nothing of it applied: not even the first edit.
    expect(await svc().service.store.lastSeq()).toBe(seq);
    expect((await skill('skill:rust')).aliases).not.toContain('rust-lang');
    expect(code(await svc().gql(REJECT, { id: cs.id, r: '' }, 'reviewer'))).toBe('BAD_USER_INPUT');
    const rejected = await svc().gql(REJECT, { id: cs.id, r: 'Rust changed meanwhile; propose it again.' }, 'reviewer');
    expect(rejected.body.data.rejectChangeSet).toMatchObject({
      status: 'REJECTED',
      comments: [{ kind: 'REJECTED', text: 'Rust changed meanwhile; propose it again.' }],
    });
    expect(code(await svc().gql(APPROVE, { id: cs.id }, 'reviewer'))).toBe('CONFLICT');
  });

  it.skipIf(skip)('a reviewer does not approve their own change set; an admin may', async () => {
    const input = { title: 'Alias', edits: [{ addSkillAlias: { id: 'skill:python', alias: 'py3' } }] };
    const own = (await svc().gql(PROPOSE, { input }, 'reviewer')).body.data.proposeChangeSet;
    expect(code(await svc().gql(APPROVE, { id: own.id }, 'reviewer'))).toBe('FORBIDDEN');
    const mine = (await svc().gql(PROPOSE, { input: { ...input, title: 'Alias (admin)' } }, 'admin')).body.data
      .proposeChangeSet;
    expect(
      code(await svc().gql(`mutation($id: ID!) { withdrawChangeSet(id: $id) { status } }`, { id: mine.id }, 'editor')),
    ).toBe('FORBIDDEN');
    expect((await svc().gql(APPROVE, { id: mine.id }, 'admin')).body.data.approveChangeSet.status).toBe('APPLIED');
    // The reviewer's, now stale (py3 is taken), is withdrawn by its proposer.
    const withdrawn = await svc().gql(
      `mutation($id: ID!) { withdrawChangeSet(id: $id) { status } }`,
      { id: own.id },
      'reviewer',
    );
    expect(withdrawn.body.data.withdrawChangeSet.status).toBe('WITHDRAWN');
  });
});

describe('direct edits raised to role reviewer (SKILLGRAPH_DIRECT_EDITS)', () => {
  const svc = serviceOn('embedded', false, { SKILLGRAPH_DIRECT_EDITS: 'reviewer' });

  it('editors propose instead; reviewers still edit directly', async () => {
    const viewer = await svc().gql(`{ viewer { role directEdits } }`, {}, 'editor');
    expect(viewer.body.data.viewer).toEqual({ role: 'EDITOR', directEdits: 'REVIEWER' });
    const alias = `mutation { addSkillAlias(id: "skill:rust", alias: "rustc") { aliases } }`;
    const refused = await svc().gql(alias, {}, 'editor');
    expect(refused.body.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: expect.stringMatching(/proposeChangeSet/),
    });
    expect((await svc().gql(alias, {}, 'reviewer')).body.data.addSkillAlias.aliases).toContain('rustc');
    const cs = await svc().gql(
      PROPOSE,
      { input: { title: 'Alias', edits: [{ addSkillAlias: { id: 'skill:rust', alias: 'rust-lang' } }] } },
      'editor',
    );
    expect(cs.body.data.proposeChangeSet.status).toBe('PROPOSED');
  });
});
