/**
 * The compiled executor (graphql-jit, src/api/executor.ts, the default) against graphql-js, over HTTP: two services
 * on the same seed, one with SKILLGRAPH_GRAPHQL_EXECUTOR=graphql-js; every answer — data, errors with their codes
 * and paths, status, cost — must be the same. (Every other API suite runs on the compiled executor.)
 */
import { describe, expect, it } from 'vitest';
import { serviceOn } from './support/service.ts';

/** Operations that cover what the API's answers are made of; each runs twice on each service. */
const OPERATIONS: Array<{ name: string; query: string; variables?: Record<string, unknown>; key?: string }> = [
  {
    name: 'a skill with lists, nested objects, enums and DateTimes',
    query: `{ skill(id: "skill:python") { id label aliases kind status version createdAt parents { id label }
      children(first: 3) { id } siblings(first: 3) { id } ancestors { id } related { skill { id } type }
      occupations(first: 3) { occupation { id label } relation } history(first: 2) { edges { node { seq at actor
      operation before after } } } } }`,
  },
  {
    name: 'variables, defaults, aliases, fragments and directives',
    query: `query($s: String!, $withTotal: Boolean!, $skipIds: Boolean = false) {
      first: skills(search: $s, first: 3) { totalCount @include(if: $withTotal) edges { node { ...S } cursor } }
      again: skills(search: "kube") { edges { node { id @skip(if: $skipIds) label } } pageInfo { hasNextPage } } }
      fragment S on Skill { id label status }`,
    variables: { s: 'java', withTotal: true },
  },
  {
    name: 'an interface with inline fragments, unknown ids as null',
    query: `{ nodes(ids: ["skill:python", "skill:no-such-skill", "occupation:data-engineer"]) { __typename id
      ... on Skill { label kind } ... on Occupation { label } } node(id: "skill:sql") { id } }`,
  },
  {
    name: 'a DateTime argument and the audit feed',
    query: `{ taxonomyChanges(since: "2000-01-01T00:00:00Z", first: 3) { totalCount edges { node { operation actor
      at } } } }`,
  },
  {
    name: 'enum list arguments with defaults',
    query: `{ expandSkills(ids: ["skill:python"], maxDepth: 2, limit: 5) { skill { id } score depth relation
      path { id } } }`,
  },
  {
    name: 'an id refused inside a list: the error, its code and path, the rest of the data',
    query: `{ ok: skill(id: "skill:python") { id } bad: skill(id: " skill:python") { id } }`,
  },
  {
    name: 'a bad variable: 400 BAD_USER_INPUT',
    query: 'query($n: Int) { skills(first: $n) { totalCount } }',
    variables: { n: 'x' },
  },
  {
    name: 'a page size out of range',
    query: '{ skills(first: 1000) { totalCount } }',
  },
  { name: 'a role error', query: '{ marketplaceChanges(first: 5) { totalCount } }', key: 'editor' },
  { name: 'the caller', query: '{ viewer { role } }', key: 'reader' },
  {
    name: 'introspection',
    query: '{ __schema { queryType { name } } __type(name: "Skill") { name kind fields { name } } }',
  },
  {
    name: 'extraction: floats, spans and nested lists',
    query: `query($t: String!) { extractSkills(text: $t, kind: JOB_POSTING) { skills { skill { id label } relation
      confidence method spans { start end text } } unmappedTerms } }`,
    variables: { t: 'Requirements\n- 3+ years of Python and PostgreSQL\n- Kubernetes\n- Zorbling' },
    key: 'reader',
  },
];

/** The answer without what differs between two services seeded a moment apart: request ids and times. */
function comparable(body: { errors?: Array<{ extensions?: Record<string, unknown> }> }) {
  for (const e of body.errors ?? []) delete e.extensions?.requestId;
  return JSON.parse(JSON.stringify(body).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>'));
}

describe('the compiled executor', () => {
  const jit = serviceOn('embedded');
  const js = serviceOn('embedded', false, { SKILLGRAPH_GRAPHQL_EXECUTOR: 'graphql-js' });
  const executions = async (url: string) => {
    const text = await (await fetch(`${url}/metrics`)).text();
    const value = (path: string) =>
      Number(new RegExp(`skillgraph_graphql_executions_total\\{path="${path}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
    return { compiled: value('compiled'), interpreted: value('interpreted') };
  };

  it('answers every operation exactly as graphql-js does', async () => {
    const before = await executions(jit().url);
    for (const op of OPERATIONS)
      for (let run = 0; run < 2; run++) {
        const [compiled, interpreted] = await Promise.all(
          [jit(), js()].map(async (svc) => {
            const { status, body } = await svc.gql(op.query, op.variables, op.key);
            return { status, body: comparable(body) };
          }),
        );
        expect(compiled, op.name).toEqual(interpreted);
      }
    const after = await executions(jit().url);
    // All ran compiled but the one the cost limit refuses before it runs (first: 1000); the refused variable's
    // answer is then re-run interpreted, for graphql-js's wording.
    expect(after.compiled - before.compiled).toBe(2 * (OPERATIONS.length - 1));
    expect(after.interpreted - before.interpreted).toBe(2);
    expect((await executions(js().url)).compiled).toBe(0);
  });

  it('runs mutations through graphql-js, never compiled', async () => {
    const before = await executions(jit().url);
    for (let i = 0; i < 2; i++) {
      const { body } = await jit().gql(
        `mutation($input: JobInput!) { upsertJob(input: $input) { created job { id title } } }`,
        { input: { id: 'exec-job-1', title: 'Data engineer', description: 'Requirements\n- Python' } },
        'admin',
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.upsertJob.created).toBe(i === 0);
    }
    const after = await executions(jit().url);
    expect(after.compiled).toBe(before.compiled);
    expect(after.interpreted - before.interpreted).toBe(2);
  });
});
