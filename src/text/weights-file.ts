/**
 * The file format of the small trained maps over text vectors (the projection, the distilled
 * student): one line of JSON metadata, then the float32 weights. Written to a temporary file and
 * renamed, so a reader never sees half a file; a weight count that does not match inDim × outDim
 * is refused.
 */
import fs from 'node:fs';

export interface WeightsMeta {
  inDim: number;
  outDim: number;
}

export function writeWeightsFile<M extends WeightsMeta>(file: string, meta: M, weights: Float32Array): void {
  fs.writeFileSync(
    `${file}.tmp`,
    Buffer.concat([
      Buffer.from(JSON.stringify(meta) + '\n'),
      Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength),
    ]),
  );
  fs.renameSync(`${file}.tmp`, file);
}

export function readWeightsFile<M extends WeightsMeta>(file: string, fix: string): M & { weights: Float32Array } {
  const buf = fs.readFileSync(file);
  const nl = buf.indexOf(10);
  const meta = JSON.parse(buf.subarray(0, nl).toString()) as M;
  const body = buf.subarray(nl + 1);
  const weights = new Float32Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength));
  if (weights.length !== meta.inDim * meta.outDim) throw new Error(`${file} is corrupt; ${fix}.`);
  return { ...meta, weights };
}
