/**
 * Child process for the crash test: writes batches to an embedded store as fast as it can and
 * prints "ACK <i>" after each write resolves (i.e. after COMMIT). The parent kills it with SIGKILL.
 * Batch i: node w<i>, node v<i>, edge v<i> -> w<i>, edge w<i> -> w<i-1>, with an audit record.
 */
import { EmbeddedStore } from '../../src/store/embedded.ts';

const store = EmbeddedStore.open({ dataDir: process.argv[2] });
for (let i = 0; ; i++) {
  const ops: Parameters<typeof store.write>[0] = [
    { op: 'upsertNode', node: { label: 'Skill', id: `w${i}`, props: { n: i, text: 'x'.repeat(200) } } },
    { op: 'upsertNode', node: { label: 'Skill', id: `v${i}`, props: { n: i } } },
    {
      op: 'upsertEdge',
      edge: {
        type: 'RELATED',
        from: { label: 'Skill', id: `v${i}` },
        to: { label: 'Skill', id: `w${i}` },
        props: { kind: 'SIMILAR' },
      },
    },
  ];
  if (i > 0)
    ops.push({
      op: 'upsertEdge',
      edge: {
        type: 'BROADER',
        from: { label: 'Skill', id: `w${i}` },
        to: { label: 'Skill', id: `w${i - 1}` },
        props: {},
      },
    });
  await store.write(ops, { feed: 'taxonomy', actor: 'crash-test', operation: 'batch', subjects: [`w${i}`] });
  process.stdout.write(`ACK ${i}\n`);
}
