/**
 * The seed taxonomy format (seeds/taxonomy/*.txt, seeds/occupations/*.txt) and its loader.
 *
 * Skills, one per line, indented two spaces per level under their parent:
 *   Label | alias; alias | One-sentence description. | kind
 * A line with a label alone names a skill defined elsewhere and gives it one more parent.
 * `~ Label -> Label : TYPE` relates two skills (RELATED, typed). `#` starts a comment.
 * Occupations:
 *   Label | alias; alias | Description.
 *     essential: Skill label or alias; Skill label or alias
 *     optional: Skill label or alias
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GraphStore, WriteOp } from '../store/types.ts';
import { normalizeLabel, slug } from './text.ts';
import { SKILL_KINDS, skillProps } from './model.ts';
import type { SkillKind } from './model.ts';

export interface SeedSkill {
  id: string;
  label: string;
  aliases: string[];
  description: string;
  kind: SkillKind;
  parents: string[];
}
export interface SeedOccupation {
  id: string;
  label: string;
  aliases: string[];
  description: string;
  essential: string[];
  optional: string[];
}
export interface SeedTaxonomy {
  skills: SeedSkill[];
  related: Array<{ from: string; to: string; type: string }>;
  occupations: SeedOccupation[];
}

export class SeedError extends Error {}

export const skillId = (label: string) => `skill:${slug(label)}`;
export const occupationId = (label: string) => `occupation:${slug(label)}`;

function fields(line: string): string[] {
  return line.split('|').map((f) => f.trim());
}
function list(field: string | undefined): string[] {
  return (field ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Parses and validates the seed files; throws SeedError naming file and line on any defect. */
export function parseSeed(dir: string): SeedTaxonomy {
  const skills = new Map<string, SeedSkill>();
  const refs: Array<{ label: string; parent?: string; where: string }> = [];
  const relatedRaw: Array<{ from: string; to: string; type: string; where: string }> = [];
  const taxDir = path.join(dir, 'taxonomy');
  for (const file of fs
    .readdirSync(taxDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const stack: Array<{ indent: number; label: string }> = [];
    fs.readFileSync(path.join(taxDir, file), 'utf8')
      .split('\n')
      .forEach((raw, i) => {
        const where = `${file}:${i + 1}`;
        if (!raw.trim() || raw.trim().startsWith('#')) return;
        if (raw.trim().startsWith('~')) {
          const m = /^~\s*(.+?)\s*->\s*(.+?)\s*:\s*([A-Z_]+)\s*$/.exec(raw.trim());
          if (!m) throw new SeedError(`${where}: a relation line reads "~ A -> B : TYPE".`);
          relatedRaw.push({ from: m[1], to: m[2], type: m[3], where });
          return;
        }
        const indent = raw.length - raw.trimStart().length;
        if (indent % 2 !== 0) throw new SeedError(`${where}: indent by two spaces per level.`);
        while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
        if (stack.length && indent !== stack[stack.length - 1].indent + 2)
          throw new SeedError(`${where}: indented more than one level below its parent.`);
        if (!stack.length && indent !== 0) throw new SeedError(`${where}: a top-level skill must not be indented.`);
        const [label, aliases, description, kind] = fields(raw);
        const parent = stack.length ? stack[stack.length - 1].label : undefined;
        stack.push({ indent, label });
        if (description === undefined) {
          refs.push({ label, parent, where });
          return;
        }
        const id = skillId(label);
        if (skills.has(id))
          throw new SeedError(`${where}: "${label}" is defined twice (use the label alone to add a parent).`);
        if (!description.endsWith('.'))
          throw new SeedError(`${where}: the description of "${label}" must be a sentence ending with a period.`);
        const k = (kind || 'skill') as SkillKind;
        if (!SKILL_KINDS.includes(k)) throw new SeedError(`${where}: kind must be one of ${SKILL_KINDS.join(', ')}.`);
        skills.set(id, {
          id,
          label,
          aliases: list(aliases),
          description,
          kind: k,
          parents: parent ? [skillId(parent)] : [],
        });
      });
  }
  for (const ref of refs) {
    const s = skills.get(skillId(ref.label));
    if (!s) throw new SeedError(`${ref.where}: "${ref.label}" is not defined anywhere.`);
    if (ref.parent && !s.parents.includes(skillId(ref.parent))) s.parents.push(skillId(ref.parent));
  }
  const related = relatedRaw.map((r) => {
    for (const l of [r.from, r.to])
      if (!skills.has(skillId(l))) throw new SeedError(`${r.where}: "${l}" is not a defined skill.`);
    return { from: skillId(r.from), to: skillId(r.to), type: r.type };
  });
  const occupations = parseOccupations(path.join(dir, 'occupations'), skills);
  const taxonomy = { skills: [...skills.values()], related, occupations };
  validateSeed(taxonomy);
  return taxonomy;
}

/** Occupation skill lists may name a skill by its label or any alias. */
function parseOccupations(dir: string, skills: Map<string, SeedSkill>): SeedOccupation[] {
  const out = new Map<string, SeedOccupation>();
  if (!fs.existsSync(dir)) return [];
  const byName = new Map<string, string>();
  for (const s of skills.values()) for (const n of [s.label, ...s.aliases]) byName.set(normalizeLabel(n), s.id);
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    let current: SeedOccupation | undefined;
    fs.readFileSync(path.join(dir, file), 'utf8')
      .split('\n')
      .forEach((raw, i) => {
        const where = `${file}:${i + 1}`;
        const line = raw.trim();
        if (!line || line.startsWith('#')) return;
        const m = /^(essential|optional):\s*(.*)$/.exec(line);
        if (m) {
          if (!current) throw new SeedError(`${where}: "${m[1]}:" must follow an occupation line.`);
          for (const label of list(m[2])) {
            const id = byName.get(normalizeLabel(label));
            if (!id) throw new SeedError(`${where}: "${label}" is not the label or alias of a defined skill.`);
            const bucket = current[m[1] as 'essential' | 'optional'];
            if (!bucket.includes(id)) bucket.push(id);
          }
          return;
        }
        const [label, aliases, description] = fields(line);
        if (!description) throw new SeedError(`${where}: an occupation reads "Label | aliases | Description."`);
        const id = occupationId(label);
        if (out.has(id)) throw new SeedError(`${where}: occupation "${label}" is defined twice.`);
        current = { id, label, aliases: list(aliases), description, essential: [], optional: [] };
        out.set(id, current);
      });
  }
  return [...out.values()];
}

/** No cycles, no label or alias used twice (after normalisation), every reference resolves. */
export function validateSeed(t: SeedTaxonomy): void {
  const byId = new Map(t.skills.map((s) => [s.id, s]));
  const names = new Map<string, string>();
  for (const s of t.skills) {
    for (const name of [s.label, ...s.aliases]) {
      const key = normalizeLabel(name);
      const owner = names.get(key);
      if (owner && owner !== s.id) throw new SeedError(`"${name}" names both ${owner} and ${s.id}.`);
      names.set(key, s.id);
    }
    for (const p of s.parents) if (!byId.has(p)) throw new SeedError(`${s.id} has unknown parent ${p}.`);
  }
  const state = new Map<string, 1 | 2>();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 2) return;
    if (state.get(id) === 1) throw new SeedError(`Cycle in the hierarchy: ${[...trail, id].join(' -> ')}`);
    state.set(id, 1);
    for (const p of byId.get(id)!.parents) visit(p, [...trail, id]);
    state.set(id, 2);
  };
  for (const s of t.skills) visit(s.id, []);
  const occIds = new Set<string>();
  for (const o of t.occupations) {
    if (occIds.has(o.id)) throw new SeedError(`Occupation ${o.id} is defined twice.`);
    occIds.add(o.id);
  }
}

/** Writes the seed into an empty store in batches, each with an audit record. */
export async function loadSeed(store: GraphStore, t: SeedTaxonomy, now = new Date().toISOString()): Promise<void> {
  const batches: WriteOp[][] = [];
  const chunk = <T>(items: T[], f: (x: T) => WriteOp[]) => {
    for (let i = 0; i < items.length; i += 500) batches.push(items.slice(i, i + 500).flatMap(f));
  };
  chunk(t.skills, (s) => [
    {
      op: 'upsertNode',
      node: {
        label: 'Skill',
        id: s.id,
        props: skillProps({ ...s, status: 'ACTIVE', version: 1, createdAt: now, updatedAt: now, source: 'seed' }),
      },
    },
  ]);
  chunk(t.skills, (s) =>
    s.parents.map(
      (p) =>
        ({
          op: 'upsertEdge',
          edge: { type: 'BROADER', from: { label: 'Skill', id: s.id }, to: { label: 'Skill', id: p }, props: {} },
        }) as WriteOp,
    ),
  );
  chunk(t.related, (r) => [
    {
      op: 'upsertEdge',
      edge: {
        type: 'RELATED',
        from: { label: 'Skill', id: r.from },
        to: { label: 'Skill', id: r.to },
        props: { kind: r.type },
      },
    },
  ]);
  chunk(t.occupations, (o) => [
    {
      op: 'upsertNode',
      node: {
        label: 'Occupation',
        id: o.id,
        props: { label: o.label, aliases: o.aliases, description: o.description, source: 'seed' },
      },
    },
    ...(['essential', 'optional'] as const).flatMap((relation) =>
      o[relation].map((s): WriteOp => ({
        op: 'upsertEdge',
        edge: {
          type: 'NEEDS_SKILL',
          from: { label: 'Occupation', id: o.id },
          to: { label: 'Skill', id: s },
          props: { relation },
        },
      })),
    ),
  ]);
  for (const ops of batches)
    await store.write(ops, { feed: 'taxonomy', actor: 'system', operation: 'seed', subjects: [] });
}
