/**
 * Taxonomy files: export the skills and occupations of a store as JSON or CSV, and import
 * such a file back (idempotent, additive — see sync.ts). export → import → export gives the
 * same file.
 *
 * CSV: one file, one row per skill or occupation; list columns are joined with " | " and
 * related skills are written as "id=TYPE".
 */
import { parse } from 'csv-parse/sync';
import type { EdgeRecord, GraphStore, NodeLabel, NodeRecord } from '../store/types.ts';
import { allNodes } from '../store/scan.ts';
import { cleanProps } from '../store/types.ts';
import { toSkill } from './model.ts';
import { syncEdges, syncNodes } from './sync.ts';
import type { Progress } from './sync.ts';

export interface TaxonomyFile {
  skills: Array<{
    id: string;
    label: string;
    aliases: string[];
    description: string;
    kind: string;
    status: string;
    replacedBy?: string;
    parents: string[];
    related: Array<{ id: string; type: string }>;
  }>;
  occupations: Array<{
    id: string;
    label: string;
    aliases: string[];
    description: string;
    essential: string[];
    optional: string[];
  }>;
}

async function outEdges(store: GraphStore, label: NodeLabel, ids: string[], type: EdgeRecord['type']) {
  const out: Array<EdgeRecord[]> = [];
  for (let i = 0; i < ids.length; i += 2000)
    out.push(
      ...(await store.neighborsMany(label, ids.slice(i, i + 2000), type, 'out')).map((ns) => ns.map((n) => n.edge)),
    );
  return out;
}

export async function exportTaxonomy(store: GraphStore): Promise<TaxonomyFile> {
  const skills = await allNodes(store, 'Skill');
  const ids = skills.map((s) => s.id);
  const parents = await outEdges(store, 'Skill', ids, 'BROADER');
  const related = await outEdges(store, 'Skill', ids, 'RELATED');
  const occs = await allNodes(store, 'Occupation');
  const needs = await outEdges(
    store,
    'Occupation',
    occs.map((o) => o.id),
    'NEEDS_SKILL',
  );
  return taxonomyFileOf(
    skills.map((n, i) => ({ node: n, parents: parents[i], related: related[i] })),
    occs.map((n, i) => ({ node: n, needs: needs[i] })),
  );
}

/** The file of skills and occupations with their outgoing BROADER, RELATED and NEEDS_SKILL edges. */
export function taxonomyFileOf(
  skills: Array<{ node: NodeRecord; parents: EdgeRecord[]; related: EdgeRecord[] }>,
  occupations: Array<{ node: NodeRecord; needs: EdgeRecord[] }>,
): TaxonomyFile {
  return {
    skills: skills.map(({ node, parents, related }) => {
      const s = toSkill(node);
      return {
        id: s.id,
        label: s.label,
        aliases: s.aliases,
        description: s.description,
        kind: s.kind,
        status: s.status,
        ...(s.replacedBy ? { replacedBy: s.replacedBy } : {}),
        parents: parents.map((e) => e.to.id).sort(),
        related: related
          .map((e) => ({ id: e.to.id, type: String(e.props.kind ?? 'SIMILAR') }))
          .sort((a, b) => (a.id < b.id ? -1 : 1)),
      };
    }),
    occupations: occupations.map(({ node: o, needs }) => ({
      id: o.id,
      label: String(o.props.label ?? o.id),
      aliases: (o.props.aliases as string[] | undefined) ?? [],
      description: String(o.props.description ?? ''),
      essential: needs
        .filter((e) => e.props.relation === 'essential')
        .map((e) => e.to.id)
        .sort(),
      optional: needs
        .filter((e) => e.props.relation !== 'essential')
        .map((e) => e.to.id)
        .sort(),
    })),
  };
}

const CSV_COLUMNS = [
  'type',
  'id',
  'label',
  'aliases',
  'description',
  'kind',
  'status',
  'replacedBy',
  'parents',
  'related',
  'essential',
  'optional',
] as const;
const SEP = ' | ';

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function taxonomyToCsv(t: TaxonomyFile): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const s of t.skills) {
    rows.push([
      'skill',
      s.id,
      s.label,
      s.aliases.join(SEP),
      s.description,
      s.kind,
      s.status,
      s.replacedBy ?? '',
      s.parents.join(SEP),
      s.related.map((r) => `${r.id}=${r.type}`).join(SEP),
      '',
      '',
    ]);
  }
  for (const o of t.occupations) {
    rows.push([
      'occupation',
      o.id,
      o.label,
      o.aliases.join(SEP),
      o.description,
      '',
      '',
      '',
      '',
      '',
      o.essential.join(SEP),
      o.optional.join(SEP),
    ]);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export function taxonomyFromCsv(text: string): TaxonomyFile {
  const rows = parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Array<
    Record<(typeof CSV_COLUMNS)[number], string>
  >;
  const list = (v: string | undefined) =>
    v
      ? v
          .split(SEP)
          .map((x) => x.trim())
          .filter(Boolean)
      : [];
  const t: TaxonomyFile = { skills: [], occupations: [] };
  rows.forEach((r, i) => {
    if (r.type === 'skill') {
      t.skills.push({
        id: r.id,
        label: r.label,
        aliases: list(r.aliases),
        description: r.description ?? '',
        kind: r.kind || 'skill',
        status: r.status || 'ACTIVE',
        ...(r.replacedBy ? { replacedBy: r.replacedBy } : {}),
        parents: list(r.parents),
        related: list(r.related).map((x) => {
          const [id, type] = x.split('=');
          return { id, type: type ?? 'SIMILAR' };
        }),
      });
    } else if (r.type === 'occupation') {
      t.occupations.push({
        id: r.id,
        label: r.label,
        aliases: list(r.aliases),
        description: r.description ?? '',
        essential: list(r.essential),
        optional: list(r.optional),
      });
    } else throw new Error(`row ${i + 2}: type must be "skill" or "occupation", got "${r.type}".`);
  });
  return t;
}

export function parseTaxonomyFile(text: string): TaxonomyFile {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    const t = JSON.parse(text) as TaxonomyFile;
    if (!Array.isArray(t.skills))
      throw new Error('A JSON taxonomy file has a "skills" array (see export-taxonomy --format json).');
    return { skills: t.skills, occupations: t.occupations ?? [] };
  }
  return taxonomyFromCsv(text);
}

/** Imports a taxonomy file; references to skills not in the file or store are counted and skipped. */
export async function importTaxonomy(store: GraphStore, t: TaxonomyFile, actor: string, progress?: Progress) {
  const now = new Date().toISOString();
  const skillNodes: NodeRecord[] = t.skills.map((s) => ({
    label: 'Skill',
    id: s.id,
    props: cleanProps({
      label: s.label,
      aliases: s.aliases,
      description: s.description,
      kind: s.kind,
      status: s.status,
      replacedBy: s.replacedBy,
      source: 'file',
    }),
  }));
  const occNodes: NodeRecord[] = t.occupations.map((o) => ({
    label: 'Occupation',
    id: o.id,
    props: cleanProps({ label: o.label, aliases: o.aliases, description: o.description, source: 'file' }),
  }));
  const skills = await syncNodes(store, 'Skill', skillNodes, { now, actor, progress });
  const occupations = await syncNodes(store, 'Occupation', occNodes, { now, actor, progress });
  const present = new Set(
    (
      await store.getNodes('Skill', [
        ...new Set(
          t.skills
            .flatMap((s) => [...s.parents, ...s.related.map((r) => r.id)])
            .concat(t.occupations.flatMap((o) => [...o.essential, ...o.optional])),
        ),
      ])
    )
      .filter((n) => n)
      .map((n) => n!.id),
  );
  let unknown = 0;
  const ok = (id: string) => present.has(id) || (unknown++, false);
  const sk = (id: string) => ({ label: 'Skill' as const, id });
  const broader = t.skills.flatMap((s) =>
    s.parents.filter(ok).map((p): EdgeRecord => ({ type: 'BROADER', from: sk(s.id), to: sk(p), props: {} })),
  );
  const related = t.skills.flatMap((s) =>
    s.related
      .filter((r) => ok(r.id))
      .map((r): EdgeRecord => ({ type: 'RELATED', from: sk(s.id), to: sk(r.id), props: { kind: r.type } })),
  );
  const needs = t.occupations.flatMap((o) => [
    ...o.essential.filter(ok).map((s): EdgeRecord => ({
      type: 'NEEDS_SKILL',
      from: { label: 'Occupation', id: o.id },
      to: sk(s),
      props: { relation: 'essential' },
    })),
    ...o.optional.filter(ok).map((s): EdgeRecord => ({
      type: 'NEEDS_SKILL',
      from: { label: 'Occupation', id: o.id },
      to: sk(s),
      props: { relation: 'optional' },
    })),
  ]);
  return {
    skills,
    occupations,
    edges: {
      BROADER: await syncEdges(store, broader, { actor, progress }),
      RELATED: await syncEdges(store, related, { actor, progress }),
      NEEDS_SKILL: await syncEdges(store, needs, { actor, progress }),
    },
    unknownReferences: unknown,
  };
}
