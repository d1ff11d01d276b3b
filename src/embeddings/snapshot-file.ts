/**
 * The activation snapshot on disk. Running a model version over the whole graph (the projection, every node's
 * text vector, every layer of batch inference, the fusion of every member and job) is the longest part of a warm
 * start — seconds on the seed marketplace, minutes at a million jobs — and gives the same answer for the same
 * graph. So the served snapshot is written once computed, and a restart (or each follower process of the data
 * directory) reads it back instead, and the nearline refresh replays the change events after the snapshot's
 * position (what a process that kept running would have applied).
 *
 * `<data dir>/cache/activation/<version>.bin`: the magic `SGSNAP01`, a uint32 header length, a JSON header
 * (what the snapshot is of and the arrays' places), then the arrays, each at an 8-byte-aligned offset. Written
 * to a temporary file and renamed (a reader never sees half a file); only the latest version's file is kept.
 * A cache: deleting it is always safe.
 *
 * Whether a file may be used is the caller's decision (GraphEmbeddings: same model files, same store — the
 * event at the snapshot's position is the one the header names — and not too far behind the store's head).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GnnGraph, Inference } from '../../gnn/index.ts';
import { GNN_TYPES } from '../../gnn/index.ts';

const MAGIC = Buffer.from('SGSNAP01');
const FORMAT = 1;
/** The most one read or write call moves (readSync and writeSync take at most 2 GiB − 1). */
const IO_CHUNK = 1 << 30;

/** What a snapshot file holds: the computed parts of a snapshot (the model's own files are loaded as usual). */
export interface SnapshotParts {
  graph: GnnGraph;
  features: Float32Array;
  inference: Inference;
  fused: Float32Array;
}

/** What the snapshot was computed from, as written in the header and checked before it is used. */
export interface SnapshotOrigin {
  /** The model version and a digest of its files (embedding version and checksums). */
  version: string;
  model: string;
  /** The change-feed position of the graph it was run over, and the event at that position (null at 0). */
  seq: number;
  event: string | null;
}

interface ArrayPlace {
  name: string;
  type: 'u8' | 'u32' | 'f32' | 'f64';
  length: number;
  offset: number;
}

interface Header extends SnapshotOrigin {
  format: number;
  nodes: number;
  start: number[];
  featureDim: number;
  hidden: number;
  outDim: number;
  layers: number;
  idsBytes: number;
  idsOffset: number;
  arrays: ArrayPlace[];
}

const CTORS = { u8: Uint8Array, u32: Uint32Array, f32: Float32Array, f64: Float64Array } as const;
type Typed = Uint8Array | Uint32Array | Float32Array | Float64Array;

export function snapshotDir(dataDir: string): string {
  return path.join(dataDir, 'cache', 'activation');
}

export function snapshotFile(dataDir: string, version: string): string {
  return path.join(snapshotDir(dataDir), `${version}.bin`);
}

function arraysOf(s: SnapshotParts): Array<[string, Typed]> {
  const g = s.graph;
  return [
    ['type', g.type],
    ['offsets', g.offsets],
    ['neighbors', g.neighbors],
    ['weight', g.weight],
    ['cumWeight', g.cumWeight],
    ['since', g.since],
    ['lastSince', g.lastSince],
    ['pairs.memberJob', g.pairs.memberJob],
    ['pairs.memberSkill', g.pairs.memberSkill],
    ['pairs.jobSkill', g.pairs.jobSkill],
    ['memberJobSince', g.memberJobSince],
    ['features', s.features],
    ...s.inference.h.map((h, l): [string, Typed] => [`h${l}`, h]),
    ['z', s.inference.z],
    ['fused', s.fused],
  ];
}

const typeName = (a: Typed): ArrayPlace['type'] =>
  a instanceof Uint8Array ? 'u8' : a instanceof Uint32Array ? 'u32' : a instanceof Float32Array ? 'f32' : 'f64';
const align8 = (n: number) => Math.ceil(n / 8) * 8;

/**
 * Writes the snapshot of `origin` (temporary file, fsync, rename) and removes the files of other versions.
 * Asynchronous writes: a switch of versions at run time does not stall requests while gigabytes go to disk.
 */
export async function writeSnapshotFile(dataDir: string, origin: SnapshotOrigin, s: SnapshotParts): Promise<void> {
  const dir = snapshotDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const ids = Buffer.from(JSON.stringify(s.graph.ids));
  const arrays = arraysOf(s);
  const places: ArrayPlace[] = arrays.map(([name, a]) => ({
    name,
    type: typeName(a),
    length: a.length,
    // The largest an offset can be, so the header's room measured now fits the real offsets.
    offset: Number.MAX_SAFE_INTEGER,
  }));
  const header: Header = {
    format: FORMAT,
    ...origin,
    nodes: s.graph.ids.length,
    start: s.graph.start,
    featureDim: s.graph.ids.length ? s.features.length / s.graph.ids.length : 0,
    hidden: s.inference.hidden,
    outDim: s.inference.outDim,
    layers: s.inference.h.length,
    idsBytes: ids.length,
    idsOffset: Number.MAX_SAFE_INTEGER,
    arrays: places,
  };
  const headerRoom = Buffer.byteLength(JSON.stringify(header));
  let at = align8(MAGIC.length + 4 + headerRoom);
  header.idsOffset = at;
  at = align8(at + ids.length);
  for (const p of places) {
    p.offset = at;
    at = align8(at + p.length * CTORS[p.type].BYTES_PER_ELEMENT);
  }
  const json = JSON.stringify(header);
  const head = Buffer.from(json + ' '.repeat(headerRoom - Buffer.byteLength(json)));
  const tmp = `${snapshotFile(dataDir, origin.version)}.${process.pid}.tmp`;
  const fh = await fs.promises.open(tmp, 'w');
  try {
    const lengthField = Buffer.alloc(4);
    lengthField.writeUInt32LE(headerRoom);
    await fh.write(MAGIC, 0, MAGIC.length, 0);
    await fh.write(lengthField, 0, 4, MAGIC.length);
    await fh.write(head, 0, head.length, MAGIC.length + 4);
    await fh.write(ids, 0, ids.length, header.idsOffset);
    for (let i = 0; i < arrays.length; i++) {
      const a = arrays[i][1];
      const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
      for (let off = 0; off < bytes.length; off += IO_CHUNK) {
        const piece = bytes.subarray(off, off + IO_CHUNK);
        await fh.write(piece, 0, piece.length, places[i].offset + off);
      }
    }
    await fh.sync();
  } finally {
    await fh.close();
  }
  fs.renameSync(tmp, snapshotFile(dataDir, origin.version));
  for (const f of fs.readdirSync(dir)) if (f !== `${origin.version}.bin`) fs.rmSync(path.join(dir, f), { force: true });
}

/** What a version's snapshot file was computed from (its header), or null: no file, or not readable. */
export function readSnapshotOrigin(dataDir: string, version: string): (SnapshotOrigin & { nodes: number }) | null {
  const file = snapshotFile(dataDir, version);
  if (!fs.existsSync(file)) return null;
  const fd = fs.openSync(file, 'r');
  try {
    return readHeader(fd);
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

function readHeader(fd: number): Header {
  const start = Buffer.alloc(MAGIC.length + 4);
  if (fs.readSync(fd, start, 0, start.length, 0) !== start.length || !start.subarray(0, MAGIC.length).equals(MAGIC))
    throw new Error('not a snapshot file');
  const length = start.readUInt32LE(MAGIC.length);
  const head = Buffer.alloc(length);
  if (fs.readSync(fd, head, 0, length, start.length) !== length) throw new Error('truncated header');
  const header = JSON.parse(head.toString()) as Header;
  if (header.format !== FORMAT) throw new Error(`snapshot format ${header.format}, not ${FORMAT}`);
  return header;
}

/** Reads a version's snapshot file whole (each array straight into its own memory), or throws. */
export function readSnapshotFile(dataDir: string, version: string): SnapshotOrigin & { parts: SnapshotParts } {
  const fd = fs.openSync(snapshotFile(dataDir, version), 'r');
  try {
    const header = readHeader(fd);
    const read = (bytes: Uint8Array, offset: number) => {
      for (let off = 0; off < bytes.length;) {
        const n = fs.readSync(fd, bytes, off, Math.min(IO_CHUNK, bytes.length - off), offset + off);
        if (n === 0) throw new Error('truncated snapshot file');
        off += n;
      }
    };
    const idBytes = Buffer.alloc(header.idsBytes);
    read(idBytes, header.idsOffset);
    const ids = JSON.parse(idBytes.toString()) as string[];
    const arrays = new Map<string, Typed>();
    for (const p of header.arrays) {
      const a = new CTORS[p.type](p.length);
      read(new Uint8Array(a.buffer), p.offset);
      arrays.set(p.name, a);
    }
    const get = <T extends Typed>(name: string) => {
      const a = arrays.get(name);
      if (!a) throw new Error(`snapshot file has no ${name}`);
      return a as T;
    };
    if (ids.length !== header.nodes || header.start.length !== GNN_TYPES.length + 1)
      throw new Error('snapshot file does not match its header');
    const index = GNN_TYPES.map((_, t) => {
      const m = new Map<string, number>();
      for (let v = header.start[t]; v < header.start[t + 1]; v++) m.set(ids[v], v);
      return m;
    });
    const graph: GnnGraph = {
      ids,
      type: get('type'),
      start: header.start,
      index,
      offsets: get('offsets'),
      neighbors: get('neighbors'),
      weight: get('weight'),
      cumWeight: get('cumWeight'),
      since: get('since'),
      lastSince: get('lastSince'),
      pairs: {
        memberJob: get('pairs.memberJob'),
        memberSkill: get('pairs.memberSkill'),
        jobSkill: get('pairs.jobSkill'),
      },
      memberJobSince: get('memberJobSince'),
      seq: header.seq,
    };
    return {
      version: header.version,
      model: header.model,
      seq: header.seq,
      event: header.event,
      parts: {
        graph,
        features: get('features'),
        inference: {
          hidden: header.hidden,
          outDim: header.outDim,
          h: Array.from({ length: header.layers }, (_, l) => get<Float32Array>(`h${l}`)),
          z: get('z'),
        },
        fused: get('fused'),
      },
    };
  } finally {
    fs.closeSync(fd);
  }
}
