/**
 * Taxonomy releases: a named, frozen view of the skills and occupations ("2026.12"). A release is one small
 * record on the taxonomy audit feed naming the change-feed position it froze; its content is rebuilt exactly
 * by replaying the change feed up to that position (the feed keeps every taxonomy event; only members' events
 * are ever redacted). So a release costs nothing to make, cannot drift, and reads the same on every replica.
 * Rebuilt snapshots are cached (the last few). Extraction, matching and search always use the live taxonomy.
 */
import { allHistory } from '../store/scan.ts';
import { KEPT_SUBJECTS } from '../store/types.ts';
import type { EdgeRecord, GraphStore, NodeRecord } from '../store/types.ts';
import { TaxonomyError } from './edit.ts';
import type { TaxonomyEditor } from './edit.ts';
import { taxonomyFileOf } from './file.ts';
import type { TaxonomyFile } from './file.ts';

export interface Release {
  name: string;
  /** The change-feed position it froze. */
  seq: number;
  at: string;
  by: string;
  note: string | null;
  skills: number;
  occupations: number;
}

const RELEASE_NAME = /^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/;
/** Every release record carries this subject, so one history query lists them. */
const RELEASES_SUBJECT = 'release';
const CACHED = 3;

type Snapshot = TaxonomyFile;

export class Releases {
  private readonly cache = new Map<number, Snapshot>();

  constructor(
    private readonly store: GraphStore,
    private readonly editor: TaxonomyEditor,
  ) {}

  /** Freezes the taxonomy as it is now under a new name (role editor in the API). */
  create(actor: string, name: string, note?: string | null): Promise<Release> {
    if (!RELEASE_NAME.test(name))
      throw new TaxonomyError(
        'BAD_USER_INPUT',
        'A release name is 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit (e.g. "2026.12").',
      );
    if (note && note.length > 4000) throw new TaxonomyError('BAD_USER_INPUT', 'note: at most 4,000 characters.');
    return this.editor.runEdit(async (write) => {
      if ((await this.list()).some((r) => r.name === name))
        throw new TaxonomyError('CONFLICT', `A release is already called "${name}"; releases are never replaced.`);
      // The edit holds the taxonomy revision: no taxonomy change can land between this position and the record.
      const seq = await this.store.lastSeq();
      // At this position the store holds exactly what the release's view will (deprecated skills included).
      const [skills, occupations] = await Promise.all([
        this.store.countNodes('Skill'),
        this.store.countNodes('Occupation'),
      ]);
      const after = { name, seq, note: note ?? null, skills, occupations };
      await write([], {
        actor,
        operation: 'createRelease',
        subjects: [RELEASES_SUBJECT, `${RELEASES_SUBJECT}:${name}`],
        after,
      });
      return (await this.list()).find((r) => r.name === name)!;
    });
  }

  /** Every release, newest first. */
  async list(): Promise<Release[]> {
    const records = await allHistory(this.store, { feed: 'taxonomy', subject: RELEASES_SUBJECT });
    return records
      .filter((r) => r.operation === 'createRelease')
      .map((r) => {
        const a = r.after as Omit<Release, 'at' | 'by'>;
        return { ...a, note: a.note ?? null, at: r.at, by: r.actor };
      });
  }

  async require(name: string): Promise<Release> {
    const r = (await this.list()).find((x) => x.name === name);
    if (!r) throw new TaxonomyError('NOT_FOUND', `No release is called "${name}"; list them with releases.`);
    return r;
  }

  /** The taxonomy as it was at a change-feed position, rebuilt from the feed. */
  async snapshot(seq: number): Promise<Snapshot> {
    const hit = this.cache.get(seq);
    if (hit) return hit;
    const nodes = { Skill: new Map<string, NodeRecord>(), Occupation: new Map<string, NodeRecord>() };
    const edges = new Map<string, EdgeRecord>();
    const key = (e: { type: string; from: { id: string }; to: { id: string } }) => `${e.type}|${e.from.id}|${e.to.id}`;
    for (let after = 0; after < seq;) {
      // Only the taxonomy's events: a trimmed feed keeps them all (KEPT_SUBJECTS).
      const page = await this.store.changes(after, 5000, KEPT_SUBJECTS);
      if (!page.length) break;
      for (const ev of page) {
        if (ev.seq > seq) break;
        if (ev.node && (ev.node.label === 'Skill' || ev.node.label === 'Occupation')) {
          const map = nodes[ev.node.label];
          if (ev.kind === 'node.upsert') map.set(ev.node.id, { ...ev.node, props: ev.props ?? {} });
          else if (ev.kind === 'node.delete') map.delete(ev.node.id);
        } else if (ev.edge && ['BROADER', 'RELATED', 'NEEDS_SKILL'].includes(ev.edge.type)) {
          if (ev.kind === 'edge.upsert') edges.set(key(ev.edge), { ...ev.edge, props: ev.props ?? {} });
          else if (ev.kind === 'edge.delete') edges.delete(key(ev.edge));
        }
      }
      after = page[page.length - 1].seq;
    }
    const out = new Map<string, { BROADER: EdgeRecord[]; RELATED: EdgeRecord[]; NEEDS_SKILL: EdgeRecord[] }>();
    for (const e of edges.values()) {
      if (!nodes.Skill.has(e.to.id)) continue;
      const from =
        out.get(e.from.id) ?? out.set(e.from.id, { BROADER: [], RELATED: [], NEEDS_SKILL: [] }).get(e.from.id)!;
      from[e.type as 'BROADER' | 'RELATED' | 'NEEDS_SKILL'].push(e);
    }
    const sorted = <T extends { id: string }>(m: Map<string, T>) =>
      [...m.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    const file = taxonomyFileOf(
      sorted(nodes.Skill).map((node) => ({
        node,
        parents: out.get(node.id)?.BROADER ?? [],
        related: out.get(node.id)?.RELATED ?? [],
      })),
      sorted(nodes.Occupation).map((node) => ({ node, needs: out.get(node.id)?.NEEDS_SKILL ?? [] })),
    );
    if (this.cache.size >= CACHED) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(seq, file);
    return file;
  }

  /** A release's view of the taxonomy; null for the live one (read the same way, up to the feed's end). */
  async view(name: string | null): Promise<Snapshot> {
    return this.snapshot(name ? (await this.require(name)).seq : await this.store.lastSeq());
  }
}

export interface ReleaseDiff {
  added: string[];
  removed: string[];
  renamed: Array<{ id: string; from: string; to: string }>;
  moved: Array<{ id: string; from: string[]; to: string[] }>;
  merged: Array<{ id: string; into: string }>;
  deprecated: string[];
  aliasesChanged: string[];
  descriptionChanged: string[];
  occupationsAdded: string[];
  occupationsRemoved: string[];
  occupationsChanged: string[];
}

/** What changed from one view of the taxonomy to another, skill by skill (ids sorted). */
export function diffTaxonomies(a: Snapshot, b: Snapshot): ReleaseDiff {
  const before = new Map(a.skills.map((s) => [s.id, s]));
  const after = new Map(b.skills.map((s) => [s.id, s]));
  const d: ReleaseDiff = {
    added: [],
    removed: [],
    renamed: [],
    moved: [],
    merged: [],
    deprecated: [],
    aliasesChanged: [],
    descriptionChanged: [],
    occupationsAdded: [],
    occupationsRemoved: [],
    occupationsChanged: [],
  };
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  for (const [id, s] of after) {
    const old = before.get(id);
    if (!old) {
      d.added.push(id);
      continue;
    }
    if (old.label !== s.label) d.renamed.push({ id, from: old.label, to: s.label });
    if (!same(old.parents, s.parents)) d.moved.push({ id, from: old.parents, to: s.parents });
    if (old.status !== 'DEPRECATED' && s.status === 'DEPRECATED') {
      if (s.replacedBy) d.merged.push({ id, into: s.replacedBy });
      else d.deprecated.push(id);
    }
    if (!same(old.aliases, s.aliases)) d.aliasesChanged.push(id);
    if (old.description !== s.description) d.descriptionChanged.push(id);
  }
  for (const id of before.keys()) if (!after.has(id)) d.removed.push(id);
  const occBefore = new Map(a.occupations.map((o) => [o.id, o]));
  const occAfter = new Map(b.occupations.map((o) => [o.id, o]));
  for (const [id, o] of occAfter) {
    const old = occBefore.get(id);
    if (!old) d.occupationsAdded.push(id);
    else if (!same(old, o)) d.occupationsChanged.push(id);
  }
  for (const id of occBefore.keys()) if (!occAfter.has(id)) d.occupationsRemoved.push(id);
  for (const list of Object.values(d))
    (list as Array<string | { id: string }>).sort((x, y) => (id(x) < id(y) ? -1 : 1));
  return d;
}

const id = (x: string | { id: string }) => (typeof x === 'string' ? x : x.id);
