/** Skill extraction: tokenizer, trie, segmentation, encoder, and extractSkills over HTTP. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SkillTrie } from '../src/extraction/trie.ts';
import { segment } from '../src/extraction/segment.ts';
import { BuiltinEncoder, CachedEncoder } from '../src/text/builtin.ts';
import { DEFAULT_CACHE_DIR, openBuiltinEncoder } from '../src/text/open.ts';
import { commonWordTest, commonWordTestFromCache } from '../src/text/glove.ts';
import { tokenize } from '../src/text/tokenize.ts';
import { buildLabelIndex } from '../src/extraction/rank.ts';
import type { TextEncoder } from '../src/text/types.ts';
import { dot } from '../src/vectors/math.ts';
import { startTestService } from './support/service.ts';
import type { TestService } from './support/service.ts';

const POSTING = `Acme Robotics — Senior Backend Engineer

About us:
We build warehouse robots and care about logistics.

What you'll do
- Design REST APIs in Go and Python.
- Run services on Kubernetes and own incident response.

Requirements: 5+ years of backend development. Strong SQL and PostgreSQL.
• Experience with Apache Kafka • Docker

Nice to have:
Terraform, AWS, C++ or C#, .NET and Node.js.

BENEFITS
Free lunch and private health insurance.`;

describe('tokenizer and trie', () => {
  it('keeps the punctuation that belongs to skill names', () => {
    expect(tokenize('C++, C#, .NET, Node.js and ASP.NET; e-commerce!').map((t) => t.text)).toEqual([
      'c++',
      'c#',
      '.net',
      'node.js',
      'and',
      'asp.net',
      'e-commerce',
    ]);
    const t = tokenize('Hello  Wörld');
    expect(t.map((x) => [x.start, x.end, x.raw])).toEqual([
      [0, 5, 'Hello'],
      [7, 12, 'Wörld'],
    ]);
  });

  const trie = new SkillTrie({ isCommonWord: (w) => ['go', 'it', 'r'].includes(w) });
  trie.upsert('java', [{ name: 'Java', isLabel: true }]);
  trie.upsert('js', [
    { name: 'JavaScript', isLabel: true },
    { name: 'JS', isLabel: false },
  ]);
  trie.upsert('kafka', [
    { name: 'Apache Kafka', isLabel: true },
    { name: 'Kafka', isLabel: false },
  ]);
  trie.upsert('go', [
    { name: 'Go', isLabel: true },
    { name: 'golang', isLabel: false },
  ]);
  trie.upsert('cpp', [{ name: 'C++', isLabel: true }]);

  it('matches whole words, longest first, with offsets', () => {
    const text = 'We use JavaScript, Java and Apache Kafka (not kafkaesque) with C++.';
    const m = trie.match(text);
    expect(m.map((x) => [x.names[0].id, x.text])).toEqual([
      ['js', 'JavaScript'],
      ['java', 'Java'],
      ['kafka', 'Apache Kafka'],
      ['cpp', 'C++'],
    ]);
    for (const x of m) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('matches ambiguous short names only as written in the taxonomy', () => {
    expect(trie.match('I go to work and it rains').length).toBe(0);
    expect(trie.match('Services in Go and golang').map((x) => x.names[0].id)).toEqual(['go', 'go']);
  });

  it('updates in place', () => {
    trie.upsert('kafka', [{ name: 'Apache Kafka', isLabel: true }]);
    expect(trie.match('Kafka streams').length).toBe(0);
    trie.remove('java');
    expect(trie.match('Java').length).toBe(0);
  });
});

describe('segmentation', () => {
  it('finds job posting sections from headings and keeps offsets', () => {
    const { sentences, sections } = segment(POSTING, 'JOB_POSTING');
    expect(sections.map((s) => s.kind)).toEqual([
      'OTHER',
      'COMPANY',
      'RESPONSIBILITIES',
      'REQUIREMENTS',
      'NICE_TO_HAVE',
      'BENEFITS',
    ]);
    const of = (needle: string) => sentences.find((s) => s.text.includes(needle))!.section;
    expect(of('REST APIs')).toBe('RESPONSIBILITIES');
    expect(of('PostgreSQL')).toBe('REQUIREMENTS');
    expect(of('Apache Kafka')).toBe('REQUIREMENTS');
    expect(of('Terraform')).toBe('NICE_TO_HAVE');
    for (const s of sentences) expect(POSTING.slice(s.start, s.end)).toBe(s.text);
  });

  it('finds resume sections', () => {
    const { sentences } = segment(
      'Jane Doe\nSUMMARY\nBackend engineer.\nExperience\nBuilt APIs at Foo.\nSkills: Python, SQL\nEducation\nBSc Computer Science',
      'RESUME',
    );
    expect(sentences.map((s) => s.section)).toEqual(['OTHER', 'SUMMARY', 'EXPERIENCE', 'SKILLS', 'EDUCATION']);
  });
});

describe('built-in encoder', () => {
  it('gives unit vectors, similar texts closer, unknown words a lexical vector, and caches', async () => {
    const enc = openBuiltinEncoder();
    expect(enc).toBeInstanceOf(BuiltinEncoder);
    const [a, b, c, k1, k2] = await enc.embed([
      'managing data pipelines',
      'data pipeline management',
      'baking sourdough bread',
      'kubernetes',
      'kubernets',
    ]);
    expect(Math.abs(dot(a, a) - 1)).toBeLessThan(1e-5);
    expect(dot(a, b)).toBeGreaterThan(dot(a, c) + 0.2);
    expect(dot(k1, k2)).toBeGreaterThan(0.5);
    const cached = new CachedEncoder(enc);
    const [x] = await cached.embed(['same text']);
    const [y] = await cached.embed(['same text']);
    expect(y).toBe(x);
    expect(cached.id).toBe(enc.id);
  });

  it('tells common words from the vocabulary file alone as from the loaded vectors', () => {
    const fromVectors = commonWordTest(openBuiltinEncoder().glove);
    const fromFile = commonWordTestFromCache(DEFAULT_CACHE_DIR);
    // Words on both sides of the 3,000th, and a spread of others.
    const vocab = fs.readFileSync(path.join(DEFAULT_CACHE_DIR, 'sg100d-v1.words'), 'utf8').split('\n');
    const words = [...vocab.slice(2990, 3010), ...vocab.filter((_, i) => i % 97 === 0).slice(0, 200), 'kubernetes'];
    for (const w of words) expect(fromFile(w)).toBe(fromVectors(w));
    expect(words.filter(fromFile).length).toBeGreaterThan(30);
    expect(words.filter((w) => !fromFile(w)).length).toBeGreaterThan(30);
  });
});

describe('semantic hits of sentences', () => {
  it('are remembered by encoder, k and sentence until a skill changes', async () => {
    const base = openBuiltinEncoder();
    const asked: string[][] = [];
    const counting: TextEncoder = {
      id: base.id,
      dim: base.dim,
      embed: (texts) => (asked.push(texts), base.embed(texts)),
    };
    const index = await buildLabelIndex(base, [
      { id: 's1', label: 'Data pipelines', aliases: ['ETL'] },
      { id: 's2', label: 'Bread baking', aliases: [] },
      { id: 's3', label: 'Kubernetes', aliases: ['k8s'] },
    ]);
    const sentences = [
      'managing data pipelines every day',
      'we bake sourdough bread',
      'managing data pipelines every day',
    ];
    const plain = async (k: number) => index.topMany(await base.embed(sentences), k);

    const first = await index.sentenceHits(sentences, counting, 2);
    expect(first).toEqual(await plain(2));
    expect(first[0][0].id).toBe('s1');
    expect(asked).toEqual([sentences.slice(0, 2)]); // a sentence twice in one call is embedded once
    expect(await index.sentenceHits(sentences, counting, 2)).toEqual(first);
    expect(asked).toHaveLength(1); // answered from memory
    expect(await index.sentenceHits(sentences, counting, 3)).toEqual(await plain(3));
    expect(asked).toHaveLength(2); // another k is another question

    // A new skill that fits the first sentence better: the remembered answers are dropped.
    await index.upsert({ id: 's4', label: 'Managing data pipelines', aliases: [] });
    const after = await index.sentenceHits(sentences, counting, 2);
    expect(asked).toHaveLength(3);
    expect(after).toEqual(await plain(2));
    expect(after[0][0].id).toBe('s4');
    index.remove('s4');
    expect((await index.sentenceHits(sentences, counting, 2))[0][0].id).toBe('s1');
    expect(asked).toHaveLength(4);
  });
});

describe('extractSkills over HTTP', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService('embedded');
  });
  afterAll(async () => {
    await svc?.stop();
  });
  const Q = `query($text: String!, $kind: DocumentKind, $expand: Boolean, $min: Float) {
    extractSkills(text: $text, kind: $kind, expand: $expand, minConfidence: $min) {
      encoder tookMs sections { kind heading }
      skills { skill { id } relation confidence method section spans { start end text section method } expandedFrom { id } expansionPath { relation skill { id } } }
    } }`;

  it('needs an API key', async () => {
    expect((await svc.gql(Q, { text: 'Python' })).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('scores skills by section: required, core, mentioned — with exact spans', async () => {
    const { body } = await svc.gql(Q, { text: POSTING, min: 0 }, 'reader');
    expect(body.errors).toBeUndefined();
    const r = body.data.extractSkills;
    const by = new Map(r.skills.map((s: { skill: { id: string } }) => [s.skill.id, s]));
    const rel = (id: string) => (by.get(id) as { relation: string } | undefined)?.relation;
    expect(rel('skill:postgresql')).toBe('REQUIRED');
    expect(rel('skill:apache-kafka')).toBe('REQUIRED');
    expect(rel('skill:python')).toBe('CORE');
    expect(rel('skill:kubernetes')).toBe('CORE');
    expect(rel('skill:go')).toBe('CORE');
    expect(rel('skill:terraform')).toBe('MENTIONED');
    expect(rel('skill:cplusplus')).toBe('MENTIONED');
    expect(rel('skill:net')).toBe('MENTIONED');
    expect(rel('skill:node-js')).toBe('MENTIONED');
    for (const s of r.skills) for (const sp of s.spans) expect(POSTING.slice(sp.start, sp.end)).toBe(sp.text);
    const kafka = by.get('skill:apache-kafka') as { method: string; confidence: number; spans: unknown[] };
    expect(kafka.method).toBe('TRIE');
    expect(kafka.confidence).toBeGreaterThan(0.9);
    expect(r.encoder).toMatch(/^builtin-/);
    const insurance = by.get('skill:insurance') as { confidence: number } | undefined;
    if (insurance) expect(insurance.confidence).toBeLessThan(0.6); // benefits count half
    // Required first, then core, then mentioned.
    const order = r.skills.map((s: { relation: string }) => ['REQUIRED', 'CORE', 'MENTIONED'].indexOf(s.relation));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('expands over the taxonomy when asked, with the path', async () => {
    const { body } = await svc.gql(Q, { text: 'We need Django developers.', expand: true, min: 0 }, 'reader');
    const expanded = body.data.extractSkills.skills.filter((s: { method: string }) => s.method === 'EXPANSION');
    const backend = expanded.find((s: { skill: { id: string } }) => s.skill.id === 'skill:backend-development');
    expect(backend).toMatchObject({
      relation: 'MENTIONED',
      expandedFrom: { id: 'skill:django' },
      expansionPath: [{ relation: 'PARENT', skill: { id: 'skill:backend-development' } }],
    });
    expect(backend.confidence).toBeLessThan(0.5);
    const strict = await svc.gql(Q, { text: 'We need Django developers.', expand: true, min: 0.8 }, 'reader');
    expect(strict.body.data.extractSkills.skills.every((s: { confidence: number }) => s.confidence >= 0.8)).toBe(true);
  });

  it('finds a skill created a moment ago (the index follows the taxonomy)', async () => {
    const created = await svc.gql(
      `mutation { createSkill(input: { label: "Quokka wrangling", aliases: ["quokka herding"], parentIds: ["skill:transversal-skills"] }) { id } }`,
      {},
      'editor',
    );
    expect(created.body.errors).toBeUndefined();
    const { body } = await svc.gql(Q, { text: 'Must enjoy quokka herding.', kind: 'TEXT' }, 'reader');
    expect(body.data.extractSkills.skills.map((s: { skill: { id: string } }) => s.skill.id)).toContain(
      'skill:quokka-wrangling',
    );
    await svc.gql(`mutation { deprecateSkill(id: "skill:quokka-wrangling") { id } }`, {}, 'editor');
    const after = await svc.gql(Q, { text: 'Must enjoy quokka herding.', kind: 'TEXT' }, 'reader');
    expect(after.body.data.extractSkills.skills.map((s: { skill: { id: string } }) => s.skill.id)).not.toContain(
      'skill:quokka-wrangling',
    );
  });

  it('survives hostile input within bounded time', async () => {
    const tooBig = await svc.gql(Q, { text: 'a'.repeat(1_000_001) }, 'reader');
    expect(tooBig.body.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringContaining('1000000'),
    });
    expect((await svc.gql(Q, { text: '' }, 'reader')).body.data.extractSkills.skills).toEqual([]);
    expect((await svc.gql(Q, { text: 'x', min: 2 }, 'reader')).body.errors?.[0].extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = [
      '\u0000',
      '\u202e',
      'مرحبا',
      '😀',
      '\ud800',
      'C++',
      ' ',
      '\n',
      'Python',
      '###',
      ':',
      '•',
      'é',
      '\t',
      'SQL.',
      'Requirements:',
    ];
    for (let round = 0; round < 25; round++) {
      const text = Array.from({ length: 1 + Math.floor(rand() * 400) }, () =>
        rand() < 0.3
          ? String.fromCharCode(Math.floor(rand() * 0xffff))
          : alphabet[Math.floor(rand() * alphabet.length)],
      ).join('');
      // No timing assertion: a hang would trip the test timeout; speed is measured in bench/.
      const { status, body } = await svc.gql(Q, { text, kind: ['JOB_POSTING', 'RESUME', 'TEXT'][round % 3] }, 'reader');
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    }
    // A large, realistic document stays bounded too.
    const big = POSTING.repeat(200);
    const res = await svc.gql(Q, { text: big, min: 0.5 }, 'reader');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.extractSkills.skills.length).toBeGreaterThan(10);
  });
});

describe('segmentation inside a line', () => {
  it('switches section at a cue that opens a sentence', () => {
    const text = 'Requirements: 3+ years of Python and PostgreSQL. Nice to have: Kubernetes.';
    const { sentences } = segment(text, 'JOB_POSTING');
    expect(sentences.map((s) => [s.section, s.text])).toEqual([
      ['REQUIREMENTS', '3+ years of Python and PostgreSQL.'],
      ['NICE_TO_HAVE', 'Kubernetes.'],
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
