/**
 * Related skills mined from jobs over HTTP on both stores: a mining run suggests co-occurring pairs with their
 * evidence; accepting one writes a RELATED link with provenance MINED that expandSkills follows as MINED; a
 * dismissed one stays dismissed until its support doubles.
 */
import { describe, expect, it } from 'vitest';
import { serviceOn, STORES } from './support/service.ts';

const UPSERT_JOB = `mutation($input: JobInput!) { upsertJob(input: $input) { job { id } } }`;
const MINE = `mutation { mineRelatedSkills { mined opened reopened updated closed } }`;
const LIST = `query($status: SuggestionStatus, $skill: ID) { relatedSkillSuggestions(status: $status, skillId: $skill) {
  from { id } to { id } status support jobs members fromCount toCount documents npmi lift exampleJobs { id }
  dismissedBy reopensAtSupport acceptedBy } }`;

/** Jobs without text listing exactly these skills, so co-occurrence is known exactly. */
async function jobs(gql: any, prefix: string, from: number, to: number, skills: string[]) {
  for (let i = from; i < to; i++) {
    const r = await gql(
      UPSERT_JOB,
      { input: { id: `${prefix}-${i}`, company: 'Acme', skills: skills.map((skill) => ({ skill })) } },
      'admin',
    );
    expect(r.body.errors).toBeUndefined();
  }
}

const pair = (list: any[], a: string, b: string) =>
  list.find((s) => (s.from.id === a && s.to.id === b) || (s.from.id === b && s.to.id === a));

describe.each(STORES)('related-skill mining on the $store store', ({ store, skip }) => {
  const svc = serviceOn(store, skip);

  it.skipIf(skip)(
    'suggests, accepts into expandSkills as MINED, and keeps a dismissal until the evidence doubles',
    async () => {
      const gql = svc().gql;
      await jobs(gql, 'j-weld', 0, 6, ['Terraform', 'Welding']);
      await jobs(gql, 'j-books', 0, 5, ['Bookkeeping', 'Python']);
      await jobs(gql, 'j-other', 0, 4, ['Bookkeeping']);

      expect((await gql(MINE, {}, 'reader')).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const first = (await gql(MINE, {}, 'editor')).body;
      expect(first.errors).toBeUndefined();
      expect(first.data.mineRelatedSkills).toMatchObject({ mined: 2, opened: 2, reopened: 0, closed: 0 });

      const open = (await gql(LIST, {}, 'editor')).body.data.relatedSkillSuggestions;
      const weld = pair(open, 'skill:terraform', 'skill:welding');
      // 15 documents; Terraform and Welding only ever together: NPMI 1, lift 15/6.
      expect(weld).toMatchObject({
        status: 'OPEN',
        support: 6,
        jobs: 6,
        members: 0,
        fromCount: 6,
        toCount: 6,
        documents: 15,
      });
      expect(weld.npmi).toBeCloseTo(1, 6);
      expect(weld.lift).toBeCloseTo(15 / 6, 3);
      expect(weld.exampleJobs).toHaveLength(3);
      const books = pair(open, 'skill:bookkeeping', 'skill:python');
      expect(books).toMatchObject({ support: 5, fromCount: 9, toCount: 5 });
      expect(books.npmi).toBeCloseTo(Math.log((5 * 15) / (9 * 5)) / -Math.log(5 / 15), 3);
      // The strongest first.
      expect(open.indexOf(weld)).toBeLessThan(open.indexOf(books));

      // Accept: a RELATED link with provenance MINED, followed by expandSkills as MINED (not as RELATED).
      const accepted = (
        await gql(
          `mutation { acceptRelatedSkillSuggestion(fromId: "skill:welding", toId: "skill:terraform", type: COMPLEMENTARY) { status acceptedBy } }`,
          {},
          'editor',
        )
      ).body;
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data.acceptRelatedSkillSuggestion).toMatchObject({
        status: 'ACCEPTED',
        acceptedBy: expect.stringMatching(/^editor/),
      });
      const related = (await gql(`{ skill(id: "skill:terraform") { related { skill { id } type provenance } } }`)).body
        .data.skill.related;
      expect(related).toContainEqual({ skill: { id: 'skill:welding' }, type: 'COMPLEMENTARY', provenance: 'MINED' });
      const expand = async (relations: string) =>
        (
          await gql(
            `{ expandSkills(ids: ["skill:terraform"], relations: [${relations}], maxDepth: 1) { skill { id } score path { relation } } }`,
          )
        ).body.data.expandSkills;
      expect(await expand('MINED')).toEqual([
        { skill: { id: 'skill:welding' }, score: 0.5, path: [{ relation: 'MINED' }] },
      ]);
      expect((await expand('RELATED')).map((x: any) => x.skill.id)).not.toContain('skill:welding');
      const again = await gql(
        `mutation { acceptRelatedSkillSuggestion(fromId: "skill:terraform", toId: "skill:welding") { status } }`,
        {},
        'editor',
      );
      expect(again.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');

      // Dismiss: it stays dismissed through runs until its support reaches twice the support it was dismissed at.
      const dismissed = (
        await gql(
          `mutation { dismissRelatedSkillSuggestion(fromId: "skill:python", toId: "skill:bookkeeping", reason: "coincidence") { status reopensAtSupport dismissedBy } }`,
          {},
          'editor',
        )
      ).body;
      expect(dismissed.data.dismissRelatedSkillSuggestion).toMatchObject({ status: 'DISMISSED', reopensAtSupport: 10 });
      await jobs(gql, 'j-books', 5, 9, ['Bookkeeping', 'Python']);
      expect((await gql(MINE, {}, 'editor')).body.data.mineRelatedSkills).toMatchObject({ reopened: 0, opened: 0 });
      const stillOpen = (await gql(LIST, {}, 'editor')).body.data.relatedSkillSuggestions;
      expect(pair(stillOpen, 'skill:bookkeeping', 'skill:python')).toBeUndefined();
      const closed = (await gql(LIST, { status: 'DISMISSED', skill: 'skill:python' }, 'editor')).body.data
        .relatedSkillSuggestions;
      expect(closed).toHaveLength(1);
      expect(closed[0]).toMatchObject({ support: 9, reopensAtSupport: 10 });

      await jobs(gql, 'j-books', 9, 10, ['Bookkeeping', 'Python']);
      expect((await gql(MINE, {}, 'editor')).body.data.mineRelatedSkills).toMatchObject({ reopened: 1 });
      const back = pair(
        (await gql(LIST, {}, 'editor')).body.data.relatedSkillSuggestions,
        'skill:bookkeeping',
        'skill:python',
      );
      expect(back).toMatchObject({ status: 'OPEN', support: 10, dismissedBy: expect.stringMatching(/^editor/) });

      // The accepted pair is linked now: mining no longer suggests it, and it stays ACCEPTED.
      const acceptedList = (await gql(LIST, { status: 'ACCEPTED' }, 'editor')).body.data.relatedSkillSuggestions;
      expect(acceptedList.map((s: any) => [s.from.id, s.to.id])).toEqual([['skill:terraform', 'skill:welding']]);

      // Removing the accepted link dismisses the suggestion, so mining does not offer it again.
      expect(
        (
          await gql(
            `mutation { unrelateSkills(fromId: "skill:terraform", toId: "skill:welding") { id } }`,
            {},
            'editor',
          )
        ).body.errors,
      ).toBeUndefined();
      await gql(MINE, {}, 'editor');
      const afterUnrelate = (await gql(LIST, { status: 'DISMISSED', skill: 'skill:welding' }, 'editor')).body.data
        .relatedSkillSuggestions;
      expect(afterUnrelate).toHaveLength(1);

      // Errors callers can act on.
      const code = async (q: string) => (await gql(q, {}, 'editor')).body.errors?.[0]?.extensions?.code;
      expect(
        await code(
          `mutation { dismissRelatedSkillSuggestion(fromId: "skill:python", toId: "skill:welding") { status } }`,
        ),
      ).toBe('NOT_FOUND');
      expect(await code(`mutation { mineRelatedSkills(minSupport: 1) { mined } }`)).toBe('BAD_USER_INPUT');
      expect(await code(`{ relatedSkillSuggestions(first: 501) { status } }`)).toBe('BAD_USER_INPUT');
    },
    180_000,
  );
});
