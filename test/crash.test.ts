/** Kills a real writer process with SIGKILL mid-stream and checks what survives. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../src/store/embedded.ts';

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
      const audits = await store.history({ first: 100_000 });
      expect(new Set(audits.map((a) => a.subjects[0])).size).toBe(batches);
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
