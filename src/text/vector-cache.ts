/**
 * A TextEncoder that remembers its vectors on disk, keyed by (encoder id, SHA-256 of the text)
 * (the in-memory CachedEncoder of builtin.ts sits in front of every encoder; this one persists),
 * so a restart or a new model version re-encodes only the nodes whose text changed. Used for
 * GraphSAGE input features (every member, job, skill… at each activation and training run).
 * A cache: deleting the file is always safe. Entries of texts no longer in the graph stay
 * until the file is deleted.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { TextEncoder } from './types.ts';

export interface PersistentEncoder extends TextEncoder {
  /** Hits and misses since opening. */
  readonly stats: { hits: number; misses: number };
  close(): void;
}

/** Where a data directory keeps its node-text vectors. */
export function textVectorCacheFile(dataDir: string): string {
  return path.join(dataDir, 'cache', 'text-vectors.sqlite');
}

export function persistentEncoder(encoder: TextEncoder, file: string): PersistentEncoder {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(
    'CREATE TABLE IF NOT EXISTS vectors (encoder TEXT NOT NULL, hash BLOB NOT NULL, vector BLOB NOT NULL, PRIMARY KEY (encoder, hash)) WITHOUT ROWID',
  );
  // Looked up 500 at a time (one statement per piece, not one per text: a start reads thousands).
  const PIECE = 500;
  const getMany = db.prepare<[string, string], { hash: Buffer; vector: Buffer }>(
    'SELECT hash, vector FROM vectors WHERE encoder = ? AND hash IN (SELECT unhex(value) FROM json_each(?))',
  );
  const put = db.prepare('INSERT OR REPLACE INTO vectors (encoder, hash, vector) VALUES (?, ?, ?)');
  const putAll = db.transaction((rows: Array<[Buffer, Float32Array]>) => {
    for (const [hash, v] of rows) put.run(encoder.id, hash, Buffer.from(v.buffer, v.byteOffset, v.byteLength));
  });
  const stats = { hits: 0, misses: 0 };
  return {
    id: encoder.id,
    dim: encoder.dim,
    stats,
    async embed(texts: string[]): Promise<Float32Array[]> {
      const hashes = texts.map((t) => crypto.createHash('sha256').update(t).digest());
      const keys = hashes.map((h) => h.toString('hex'));
      const found = new Map<string, Float32Array>();
      for (let i = 0; i < keys.length; i += PIECE) {
        for (const row of getMany.all(encoder.id, JSON.stringify(keys.slice(i, i + PIECE))))
          if (row.vector.byteLength === encoder.dim * 4)
            // Copied out: the row's buffer is not guaranteed to be aligned for a Float32Array view.
            found.set(row.hash.toString('hex'), new Float32Array(new Uint8Array(row.vector).buffer));
      }
      // A text asked for twice gets its own copy.
      const given = new Set<string>();
      const out: Array<Float32Array | null> = keys.map((key) => {
        const v = found.get(key);
        if (!v) return null;
        if (given.has(key)) return v.slice();
        given.add(key);
        return v;
      });
      const missing = out.flatMap((v, i) => (v ? [] : [i]));
      stats.hits += texts.length - missing.length;
      stats.misses += missing.length;
      if (missing.length) {
        const fresh = await encoder.embed(missing.map((i) => texts[i]));
        missing.forEach((i, k) => (out[i] = fresh[k]));
        putAll(missing.map((i, k) => [hashes[i], fresh[k]]));
      }
      return out as Float32Array[];
    },
    close: () => db.close(),
  };
}
