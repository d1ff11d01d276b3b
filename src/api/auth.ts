/**
 * API keys and roles. A request sends `Authorization: Bearer <key>`; keys come from
 * SKILLGRAPH_API_KEYS (`key:role,key:role`), a keys file of `key:role` lines, or — when neither is
 * configured — an admin key generated on first start, printed once and kept in the data dir as
 * a SHA-256 hash only. Anonymous callers may read the skills taxonomy and nothing else.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { apiError } from './errors.ts';

/** Each role may do what the ones before it may; a reviewer also decides on editors' change sets. */
export const ROLES = ['reader', 'editor', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export type Principal = { role: Role | 'anonymous'; keyId?: string };

/** Errors thrown while building the context answer with HTTP 401, not 500. */
const UNAUTHORIZED = { http: { status: 401 } };

const RANK: Record<Principal['role'], number> = { anonymous: 0, reader: 1, editor: 2, reviewer: 3, admin: 4 };

export interface KeyRing {
  /** sha256(key) → role */
  byHash: Map<string, Role>;
  /** A key generated on this start, to be shown once. */
  generated?: string;
}

/** Hex SHA-256 of a string (Node's one-shot hash: no Hash object per call, as every request's key is hashed). */
export function sha256(s: string): string {
  return crypto.hash('sha256', s, 'hex');
}

export function parseKeyPairs(text: string, source: string): Map<string, Role> {
  const out = new Map<string, Role>();
  for (const raw of text.split(/[,\n]/)) {
    const entry = raw.trim();
    if (!entry || entry.startsWith('#')) continue;
    const i = entry.lastIndexOf(':');
    const key = entry.slice(0, i);
    const role = entry.slice(i + 1) as Role;
    if (i <= 0 || !ROLES.includes(role))
      throw new Error(`${source}: "${entry.slice(0, 6)}…" must be key:role with role one of ${ROLES.join(', ')}.`);
    if (key.length < 16) throw new Error(`${source}: API keys must be at least 16 characters long.`);
    out.set(sha256(key), role);
  }
  return out;
}

export function loadKeyRing(opts: { apiKeys?: string; apiKeysFile?: string; dataDir: string }): KeyRing {
  if (opts.apiKeys) return { byHash: parseKeyPairs(opts.apiKeys, 'SKILLGRAPH_API_KEYS') };
  if (opts.apiKeysFile) return { byHash: parseKeyPairs(fs.readFileSync(opts.apiKeysFile, 'utf8'), opts.apiKeysFile) };
  const file = path.join(opts.dataDir, 'api-keys.json');
  if (fs.existsSync(file)) {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { keys: Array<{ sha256: string; role: Role }> };
    return { byHash: new Map(stored.keys.map((k) => [k.sha256, k.role])) };
  }
  const key = `sg_${crypto.randomBytes(24).toString('base64url')}`;
  fs.mkdirSync(opts.dataDir, { recursive: true });
  fs.writeFileSync(
    file,
    JSON.stringify({ keys: [{ sha256: sha256(key), role: 'admin', createdAt: new Date().toISOString() }] }, null, 2),
    { mode: 0o600 },
  );
  return { byHash: new Map([[sha256(key), 'admin']]), generated: key };
}

/**
 * The caller behind a request's Authorization headers (as Node's rawHeaders lists them): none is anonymous;
 * an empty one, a malformed one or an unknown key is an error, not anonymity; two are refused.
 */
export function authenticate(ring: KeyRing, rawHeaders: string[]): Principal {
  const values: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2)
    if (rawHeaders[i].toLowerCase() === 'authorization') values.push(rawHeaders[i + 1]);
  if (values.length === 0) return { role: 'anonymous' };
  if (values.length > 1)
    throw apiError('BAD_REQUEST', 'Send one Authorization header, not several.', { http: { status: 400 } });
  const header = values[0];
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!m) throw apiError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <api key>".', UNAUTHORIZED);
  const hash = sha256(m[1]);
  const role = ring.byHash.get(hash);
  if (!role)
    throw apiError(
      'UNAUTHENTICATED',
      'Unknown API key; check SKILLGRAPH_API_KEYS or the key printed on first start.',
      UNAUTHORIZED,
    );
  return { role, keyId: hash.slice(0, 12) };
}

export function hasRole(principal: Principal, role: Role): boolean {
  return RANK[principal.role] >= RANK[role];
}

/** Throws unless the caller has at least `role`. */
export function requireRole(principal: Principal, role: Role, action: string): void {
  if (hasRole(principal, role)) return;
  if (principal.role === 'anonymous')
    throw apiError('UNAUTHENTICATED', `${action} needs an API key with role ${role} (Authorization: Bearer <key>).`);
  throw apiError('FORBIDDEN', `${action} needs role ${role}; this key has role ${principal.role}.`);
}

/** Who did it, for history records. */
export function actorOf(principal: Principal): string {
  return principal.keyId ? `${principal.role}:${principal.keyId}` : principal.role;
}
