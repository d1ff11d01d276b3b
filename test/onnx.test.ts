/** The ONNX encoder on a tiny model built here with Debian's python3-onnx (no downloads). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OnnxEncoder } from '../src/text/onnx.ts';
import { WordPieceTokenizer } from '../src/text/wordpiece.ts';

const PYTHON = '/usr/bin/python3';
const haveOnnx = spawnSync(PYTHON, ['-c', 'import onnx'], { stdio: 'ignore' }).status === 0;
if (!haveOnnx && process.env.CI === 'true')
  throw new Error('CI=true but python3-onnx is missing (apt-get install python3-onnx).');
if (!haveOnnx) console.error('!!! python3-onnx is not installed: the ONNX encoder test is SKIPPED !!!');

describe('WordPiece tokenizer', () => {
  it('splits words into the longest known pieces', () => {
    const t = WordPieceTokenizer.fromVocabText('[PAD]\n[UNK]\n[CLS]\n[SEP]\npython\ndata\npipe\n##line\n##s\n,\n');
    expect(t.encode('Data pipelines, Python!')).toEqual([2, 5, 6, 7, 8, 9, 4, 1, 3]);
  });
});

describe.skipIf(!haveOnnx)('ONNX sentence-transformer encoder', () => {
  it('mean-pools the model token vectors over the attention mask', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-onnx-'));
    const made = spawnSync(PYTHON, ['test/support/make-onnx-model.py', dir], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const { vocab, table } = JSON.parse(fs.readFileSync(path.join(dir, 'table.json'), 'utf8')) as {
      vocab: string[];
      table: number[][];
    };
    const enc = await OnnxEncoder.fromDirectory(dir, 2);
    expect(enc.dim).toBe(4);
    expect(enc.id).toMatch(/^onnx:sg-onnx-.+@[0-9a-f]{10}$/);
    const texts = ['python', 'data pipelines, kubernetes.', 'unknownword'];
    const vecs = await enc.embed(texts);
    const expected = (pieces: string[]) => {
      const rows = ['[CLS]', ...pieces, '[SEP]'].map((p) => table[vocab.indexOf(p)]);
      const mean = rows[0].map((_, d) => rows.reduce((s, r) => s + r[d], 0) / rows.length);
      const n = Math.hypot(...mean);
      return mean.map((x) => x / n);
    };
    const want = [
      expected(['python']),
      expected(['data', 'pipe', '##line', '##s', ',', 'kube', '##rnet', '##es', '.']),
      expected(['[UNK]']),
    ];
    vecs.forEach((v, i) => want[i].forEach((x, d) => expect(v[d]).toBeCloseTo(x, 5)));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
