/** The GraphQL API over real HTTP, on both stores. */
import { describe, expect, it } from 'vitest';
import { serviceOn, startTestService, STORES } from './support/service.ts';

describe.each(STORES)('GraphQL over HTTP on the $store store', ({ store, skip }) => {
  const svc = serviceOn(store, skip);

  it.skipIf(skip)('answers anonymous taxonomy reads with parents, children and siblings', async () => {
    const { status, body } = await svc().gql(
      `{ skill(id: "skill:python") { id label aliases kind status version parents { id } children { id } siblings { id } ancestors { id } occupations { occupation { label } relation } } }`,
    );
    expect(status).toBe(200);
    const s = body.data.skill;
    expect(s).toMatchObject({ id: 'skill:python', label: 'Python', kind: 'SKILL', status: 'ACTIVE', version: 1 });
    expect(s.aliases).toContain('py');
    expect(s.parents).toEqual([{ id: 'skill:programming-languages' }]);
    expect(s.ancestors.map((a: { id: string }) => a.id)).toEqual([
      'skill:programming-languages',
      'skill:software-development',
    ]);
    expect(s.siblings.map((x: { id: string }) => x.id)).toContain('skill:java');
    expect(s.siblings.map((x: { id: string }) => x.id)).not.toContain('skill:python');
    const parent = await svc().gql(`{ skill(id: "skill:programming-languages") { children { id } } }`);
    expect(parent.body.data.skill.children.map((c: { id: string }) => c.id)).toContain('skill:python');
    expect((await svc().gql(`{ skill(id: "skill:nope") { id } }`)).body.data.skill).toBeNull();
  });

  it.skipIf(skip)('ranks search results: exact label, then alias, prefix and typos', async () => {
    const q = `query($s: String!) { skills(search: $s, first: 5) { totalCount edges { node { id } match { kind } } } }`;
    const exact = await svc().gql(q, { s: 'java' });
    expect(exact.body.data.skills.edges[0]).toEqual({ node: { id: 'skill:java' }, match: { kind: 'EXACT_LABEL' } });
    expect(exact.body.data.skills.edges.map((e: { node: { id: string } }) => e.node.id)).toContain('skill:javascript');
    const alias = await svc().gql(q, { s: 'k8s' });
    const alias2 = await svc().gql(q, { s: 'golang' });
    expect(alias2.body.data.skills.edges[0]).toEqual({ node: { id: 'skill:go' }, match: { kind: 'EXACT_ALIAS' } });
    expect(alias.body.data.skills.totalCount).toBeGreaterThanOrEqual(0);
    const prefix = await svc().gql(q, { s: 'typescr' });
    expect(prefix.body.data.skills.edges[0]).toEqual({ node: { id: 'skill:typescript' }, match: { kind: 'PREFIX' } });
    const typo = await svc().gql(q, { s: 'pyhton' });
    expect(typo.body.data.skills.edges[0]).toEqual({ node: { id: 'skill:python' }, match: { kind: 'FUZZY' } });
    const words = await svc().gql(q, { s: 'driven test' });
    expect(words.body.data.skills.edges[0].node.id).toBe('skill:test-driven-development');
    const symbols = await svc().gql(q, { s: 'C++' });
    expect(symbols.body.data.skills.edges[0].node.id).toBe('skill:cplusplus');
    const occ = await svc().gql(
      `{ occupations(search: "data enginer", first: 3) { totalCount edges { node { id skills(relation: ESSENTIAL) { skill { id } } } } } }`,
    );
    expect(occ.body.data.occupations.edges[0].node.id).toBe('occupation:data-engineer');
    expect(occ.body.data.occupations.edges[0].node.skills.map((s: { skill: { id: string } }) => s.skill.id)).toContain(
      'skill:sql',
    );
  });

  it.skipIf(skip)('pages through connections with cursors', async () => {
    const q = `query($after: String) { skills(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } cursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 50; i++) {
      const { body }: { body: any } = await svc().gql(q, { after });
      total = body.data.skills.totalCount;
      seen.push(...body.data.skills.edges.map((e: { node: { id: string } }) => e.node.id));
      after = body.data.skills.pageInfo.endCursor;
      if (!body.data.skills.pageInfo.hasNextPage) break;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect([...seen].sort()).toEqual(seen);
    const search = `query($after: String) { skills(search: "development", first: 2, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id } cursor } } }`;
    const p1 = (await svc().gql(search, { after: null })).body.data.skills;
    const p2 = (await svc().gql(search, { after: p1.pageInfo.endCursor })).body.data.skills;
    expect(p1.totalCount).toBeGreaterThan(4);
    expect(p2.edges[0].node.id).not.toBe(p1.edges[0].node.id);
    // Relay's PageInfo: the first page has nothing before it; the next one does; cursors bound each page.
    expect(p1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: p1.edges[0].cursor });
    expect(p2.pageInfo).toMatchObject({ hasPreviousPage: true, startCursor: p2.edges[0].cursor });
    expect(p2.pageInfo.endCursor).toBe(p2.edges[p2.edges.length - 1].cursor);
  });

  it.skipIf(skip)('reports bad input with BAD_USER_INPUT and a message that says what to fix', async () => {
    const tooMany = await svc().gql(`{ skills(first: 1000) { totalCount } }`);
    expect(tooMany.body.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringContaining('from 1 to 100'),
    });
    const badCursor = await svc().gql(`{ skills(first: 2, after: "garbage") { totalCount } }`);
    expect(badCursor.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const longSearch = await svc().gql(`query($s: String) { skills(search: $s) { totalCount } }`, {
      s: 'x'.repeat(500),
    });
    expect(longSearch.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const deep = await svc().gql(
      `{ skill(id: "skill:python") { parents { parents { parents { parents { parents { parents { parents { parents { parents { parents { parents { parents { id } } } } } } } } } } } } } }`,
    );
    expect(deep.body.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/depth/i),
    });
    const aliases = await svc().gql(
      `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: skill(id: "skill:python") { id }`).join(' ')} }`,
    );
    expect(aliases.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const huge = await fetch(`${svc().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { role } }', variables: { x: 'y'.repeat(3 * 1024 * 1024) } }),
    });
    expect(huge.status).toBe(413);
    expect((await huge.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const notJson = await fetch(`${svc().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const unknownField = await svc().gql(`{ skil(id: "x") { id } }`);
    expect(unknownField.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it.skipIf(skip)('authenticates API keys and tells roles apart', async () => {
    const q = `{ viewer { role store skillCount } }`;
    expect((await svc().gql(q)).body.data.viewer).toMatchObject({ role: 'ANONYMOUS', store });
    expect((await svc().gql(q, {}, 'reader')).body.data.viewer.role).toBe('READER');
    expect((await svc().gql(q, {}, 'editor')).body.data.viewer.role).toBe('EDITOR');
    expect((await svc().gql(q, {}, 'admin')).body.data.viewer.role).toBe('ADMIN');
    const bad = await svc().gql(q, {}, 'not-a-real-key-at-all');
    expect(bad.status).toBe(401);
    expect(bad.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const res = await fetch(`${svc().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: q }),
    });
    expect((await res.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it.skipIf(skip)('serves health, readiness, metrics and a local page without remote scripts', async () => {
    expect(await (await fetch(`${svc().url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${svc().url}/readyz`)).json()).toEqual({ status: 'ready', store, writes: 'ok' });
    await svc().gql(`query Named { viewer { role } }`);
    const metrics = await (await fetch(`${svc().url}/metrics`)).text();
    expect(metrics).toMatch(/skillgraph_http_requests_total\{method="POST",route="\/graphql",status="200"\} \d+/);
    expect(metrics).toMatch(/skillgraph_graphql_operations_total\{operation="Named",outcome="ok"\} 1/);
    expect(metrics).toContain('skillgraph_http_request_duration_seconds_bucket');
    const viaGet = await fetch(`${svc().url}/graphql?query=${encodeURIComponent('{ viewer { role } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect((await viaGet.json()).data).toEqual({ viewer: { role: 'ANONYMOUS' } });
    const nowhere = await fetch(`${svc().url}/graphq1`, { method: 'POST' });
    expect(nowhere.status).toBe(404);
    expect((await nowhere.json()).errors[0]).toMatchObject({
      extensions: { code: 'NOT_FOUND' },
      message: expect.stringContaining('POST /graphql'),
    });
    const page = await fetch(`${svc().url}/graphql`, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('skillgraph GraphQL explorer');
    // GraphiQL and React come from this server: every script and style is a local path that answers.
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual([
      '/explorer/graphiql.css',
      '/explorer/react.js',
      '/explorer/react-dom.js',
      '/explorer/graphiql.js',
    ]);
    for (const asset of assets) {
      const res = await fetch(`${svc().url}${asset}`);
      expect(res.status, asset).toBe(200);
      expect(res.headers.get('content-type')).toMatch(asset.endsWith('.css') ? /text\/css/ : /javascript/);
      const text = await res.text();
      expect(text.length).toBeGreaterThan(1000);
      if (asset === '/explorer/graphiql.js') expect(text).toContain('createFetcher');
    }
  });
});

describe('first start without configured keys', () => {
  it('creates an admin key, stores only its hash and accepts it', async () => {
    const svc = await startTestService('embedded', { SKILLGRAPH_API_KEYS: '' });
    try {
      const key = svc.service.generatedKey!;
      expect(key).toMatch(/^sg_/);
      const fs = await import('node:fs');
      const stored = fs.readFileSync(`${svc.dataDir}/api-keys.json`, 'utf8');
      expect(stored).not.toContain(key);
      expect((await svc.gql(`{ viewer { role } }`, {}, key)).body.data.viewer.role).toBe('ADMIN');
    } finally {
      await svc.stop();
    }
  });
});
