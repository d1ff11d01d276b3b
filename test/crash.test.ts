/** Kills a real writer process with SIGKILL mid-stream and checks what survives. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../src/store/embedded.ts';
import { INTERACTION_TYPES } from '../src/store/types.ts';
import { toInteraction } from '../src/marketplace/views.ts';

async function killAfterAcks(dir: string, minAcks: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/crash-writer.ts', dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let lastAck = -1;
  let buf = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) if (l.startsWith('ACK ')) lastAck = Number(l.slice(4));
      if (lastAck >= minAcks && child.exitCode === null && !child.killed) {
        child.kill('SIGKILL');
      }
    });
    child.once('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited with ${code}`)),
    );
  });
  return lastAck;
}

describe('embedded store crash safety', () => {
  it('keeps every acknowledged batch and never half of one after SIGKILL', { timeout: 120_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-crash-'));
    let acked = -1;
    for (let round = 0; round < 3; round++) {
      // Each round restarts the writer from 0 over the same data: batches are idempotent upserts.
      acked = Math.max(acked, await killAfterAcks(dir, 200 + round * 50));
    }
    const store = EmbeddedStore.open({ dataDir: dir });
    try {
      const nodes = await store.countNodes('Skill');
      expect(nodes % 2).toBe(0); // w<i> and v<i> always together
      const batches = nodes / 2;
      expect(batches).toBeGreaterThan(acked); // every acknowledged batch is there
      for (let i = 0; i < batches; i++) {
        const w = await store.getNode({ label: 'Skill', id: `w${i}` });
        expect(w?.props.n).toBe(i);
        expect(
          await store.getEdge({
            type: 'RELATED',
            from: { label: 'Skill', id: `v${i}` },
            to: { label: 'Skill', id: `w${i}` },
          }),
        ).not.toBeNull();
        if (i > 0)
          expect(
            await store.getEdge({
              type: 'BROADER',
              from: { label: 'Skill', id: `w${i}` },
              to: { label: 'Skill', id: `w${i - 1}` },
            }),
          ).not.toBeNull();
      }
      expect(await store.getNode({ label: 'Skill', id: `w${batches}` })).toBeNull();
      // The feed is gap-free and each audit record matches a complete batch.
      const events = await store.changes(0, 1_000_000);
      events.forEach((e, i) => expect(e.seq).toBe(i + 1));
      expect(await store.lastSeq()).toBe(events.length);
      const audits = await store.history({ feed: 'taxonomy', first: 100_000 });
      expect(new Set(audits.map((a) => a.subjects[0])).size).toBe(batches);
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Members, jobs and interactions for the import test: repeats at other times, and exact duplicate lines. */
function writeImportData(dir: string): Map<string, string[]> {
  const lines = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const members = Array.from({ length: 200 }, (_, i) => ({ id: `m${i}`, headline: 'Engineer' }));
  const jobs = Array.from({ length: 100 }, (_, i) => ({ id: `j${i}`, title: 'Engineer' }));
  const types = ['VIEWED', 'SAVED', 'APPLIED'];
  const rows: Array<{ memberId: string; jobId: string; type: string; at: string }> = [];
  let x = 7;
  const rand = (n: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31), x % n);
  for (let i = 0; i < 16_000; i++) {
    const at = new Date(Date.UTC(2025, 0, 1) + rand(30) * 86_400_000).toISOString();
    const row = { memberId: `m${rand(200)}`, jobId: `j${rand(100)}`, type: types[rand(3)], at };
    rows.push(row);
    if (i % 50 === 0) rows.push({ ...row }); // the same event twice in the file
  }
  fs.writeFileSync(path.join(dir, 'members.jsonl'), lines(members));
  fs.writeFileSync(path.join(dir, 'jobs.jsonl'), lines(jobs));
  fs.writeFileSync(path.join(dir, 'interactions.jsonl'), lines(rows));
  const expected = new Map<string, string[]>();
  for (const r of rows) {
    const key = `${r.type}|${r.memberId}|${r.jobId}`;
    expected.set(key, [...new Set([...(expected.get(key) ?? []), r.at])].sort());
  }
  return expected;
}

/** Runs `skillgraph import`; with killOn, SIGKILLs it as soon as stderr matches. */
function runImport(
  dataDir: string,
  from: string,
  killOn?: RegExp,
  flags: string[] = [],
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'import', from, ...flags], {
    env: { ...process.env, SKILLGRAPH_DATA_DIR: dataDir, SKILLGRAPH_STORE: 'embedded', SKILLGRAPH_ENCODER: 'builtin' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
    if (killOn?.test(stderr) && child.exitCode === null && !child.killed) child.kill('SIGKILL');
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

describe('marketplace import crash safety', () => {
  it('exits 1 when lines were rejected, 0 with --allow-partial', { timeout: 60_000 }, async () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-import-data-'));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-import-store-'));
    try {
      fs.writeFileSync(
        path.join(data, 'members.jsonl'),
        '{"id":"m1","headline":"Baker"}\n{"id":"  m1  ","headline":"padded"}\nnot json\n',
      );
      const strict = await runImport(dataDir, data);
      expect(strict.code).toBe(1);
      expect(strict.stderr).toMatch(/2 lines skipped.*--allow-partial/s);
      const partial = await runImport(dataDir, data, undefined, ['--allow-partial']);
      expect(partial.code).toBe(0);
    } finally {
      fs.rmSync(data, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it(
    're-running an import killed mid-interactions counts every event once; repeats at other times still count',
    { timeout: 180_000 },
    async () => {
      const data = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-import-data-'));
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-import-store-'));
      try {
        const expected = writeImportData(data);
        const killed = await runImport(dataDir, data, /interactions\.jsonl: \d+ lines read \(\d+%\), [1-9]\d* stored/);
        expect(killed.code, killed.stderr).toBeNull(); // killed, not finished
        let store = EmbeddedStore.open({ dataDir: path.join(dataDir, 'store') });
        const partial = (await Promise.all(INTERACTION_TYPES.map((t) => store.countEdges(t)))).reduce((a, b) => a + b);
        await store.close();
        expect(partial).toBeGreaterThan(0); // the kill landed after interactions were stored

        const rerun = await runImport(dataDir, data);
        expect(rerun.code, rerun.stderr).toBe(0);
        store = EmbeddedStore.open({ dataDir: path.join(dataDir, 'store') });
        try {
          let edges = 0;
          for (const type of INTERACTION_TYPES) {
            edges += await store.countEdges(type);
          }
          expect(edges).toBe(expected.size);
          for (const [key, times] of expected) {
            const [type, m, j] = key.split('|') as [(typeof INTERACTION_TYPES)[number], string, string];
            const edge = await store.getEdge({ type, from: { label: 'Member', id: m }, to: { label: 'Job', id: j } });
            expect(toInteraction({ ...edge!, type }), key).toEqual({
              type,
              count: times.length,
              first: times[0],
              at: times[times.length - 1],
            });
          }
        } finally {
          await store.close();
        }
      } finally {
        fs.rmSync(data, { recursive: true, force: true });
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
