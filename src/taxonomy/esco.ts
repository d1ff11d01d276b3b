/**
 * ESCO importer for the official CSV download layout (skills_en, skillGroups_en,
 * broaderRelationsSkillPillar_en, skillSkillRelations_en, occupations_en, ISCOGroups_en,
 * broaderRelationsOccPillar_en, occupationSkillRelations_en, languageSkillsCollection_en).
 *
 * ESCO URIs are kept as ids. The import is additive and idempotent: a node or edge already
 * stored with the same content is not written again, so a re-import changes nothing. Skills an
 * editor deprecated or merged are left alone. Rows that name concepts missing from the files
 * (the shared sample is partial) are counted and reported, never fatal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { EdgeRecord, EdgeType, GraphStore, NodeLabel, NodeRecord, Props } from '../store/types.ts';
import { cleanProps } from '../store/types.ts';
import type { SkillKind } from './model.ts';
import { syncEdges, syncNodes } from './sync.ts';
import type { Progress } from './sync.ts';

export interface EscoSummary {
  skills: { created: number; updated: number; unchanged: number; skippedDeprecated: number };
  skillGroups: number;
  occupations: { created: number; updated: number; unchanged: number };
  iscoGroups: number;
  edges: Record<string, { added: number; unchanged: number }>;
  unknownReferences: Record<string, number>;
  seconds: number;
}

type Row = Record<string, string>;

function readCsv(dir: string, file: string, required = true): Row[] {
  const p = path.join(dir, file);
  if (!fs.existsSync(p)) {
    if (required) throw new Error(`${p} is missing: import-esco expects the official ESCO CSV download (English).`);
    return [];
  }
  return parse(fs.readFileSync(p), {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
    bom: true,
  }) as Row[];
}

/** ESCO lists alternative labels one per line (some exports use " | "). */
function labels(field: string | undefined): string[] {
  return [
    ...new Set(
      (field ?? '')
        .split(/\n|\s\|\s/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export async function importEsco(store: GraphStore, dir: string, progress: Progress = () => {}): Promise<EscoSummary> {
  const t0 = Date.now();
  const now = new Date().toISOString();
  const unknown: Record<string, number> = {};
  const languageUris = new Set(readCsv(dir, 'languageSkillsCollection_en.csv', false).map((r) => r.conceptUri));

  // Skills and skill groups (groups are skills higher in the hierarchy).
  const skillRows = readCsv(dir, 'skills_en.csv');
  const groupRows = readCsv(dir, 'skillGroups_en.csv');
  const desiredSkills: NodeRecord[] = [
    ...skillRows.map((r) => ({
      label: 'Skill' as const,
      id: r.conceptUri,
      props: cleanProps({
        label: r.preferredLabel,
        aliases: labels(r.altLabels).filter((a) => a !== r.preferredLabel),
        description: (r.description ?? '').trim(),
        kind: escoKind(r, languageUris),
        reuseLevel: r.reuseLevel || undefined,
        source: 'esco',
      }),
    })),
    ...groupRows.map((r) => ({
      label: 'Skill' as const,
      id: r.conceptUri,
      props: cleanProps({
        label: r.preferredLabel,
        aliases: labels(r.altLabels).filter((a) => a !== r.preferredLabel),
        description: (r.description ?? '').trim().split('\n')[0],
        kind: 'skill',
        isGroup: true,
        code: r.code || undefined,
        source: 'esco',
      }),
    })),
  ].filter((n) => n.id && n.props.label);
  const skillResult = await syncNodes(store, 'Skill', desiredSkills, { now, actor: 'import-esco', progress });
  const skillIds = new Set(desiredSkills.map((s) => s.id));
  const deprecated = skillResult.deprecated;

  // Occupations and ISCO groups (ISCO groups are occupations higher in the hierarchy).
  const occRows = readCsv(dir, 'occupations_en.csv');
  const iscoRows = readCsv(dir, 'ISCOGroups_en.csv', false);
  const desiredOccs: NodeRecord[] = [
    ...occRows.map((r) => ({
      label: 'Occupation' as const,
      id: r.conceptUri,
      props: cleanProps({
        label: r.preferredLabel,
        aliases: labels(r.altLabels).filter((a) => a !== r.preferredLabel),
        description: (r.description ?? '').trim(),
        iscoGroup: r.iscoGroup || undefined,
        code: r.code || undefined,
        source: 'esco',
      }),
    })),
    ...iscoRows.map((r) => ({
      label: 'Occupation' as const,
      id: r.conceptUri,
      props: cleanProps({
        label: r.preferredLabel,
        aliases: labels(r.altLabels),
        description: (r.description ?? '').trim(),
        code: r.code || undefined,
        isIscoGroup: true,
        source: 'esco',
      }),
    })),
  ].filter((n) => n.id && n.props.label);
  const occResult = await syncNodes(store, 'Occupation', desiredOccs, { now, actor: 'import-esco', progress });
  const occIds = new Set(desiredOccs.map((o) => o.id));

  const edges: Record<string, { added: number; unchanged: number }> = {};
  const known = (set: Set<string>, uri: string, what: string) => {
    if (set.has(uri)) return true;
    unknown[what] = (unknown[what] ?? 0) + 1;
    return false;
  };
  const usable = (uri: string) => !deprecated.has(uri);

  const broader = readCsv(dir, 'broaderRelationsSkillPillar_en.csv')
    .filter(
      (r) =>
        known(skillIds, r.conceptUri, 'skill hierarchy: child') &&
        known(skillIds, r.broaderUri, 'skill hierarchy: parent'),
    )
    .filter((r) => r.conceptUri !== r.broaderUri && usable(r.conceptUri) && usable(r.broaderUri))
    .map((r) => edge('BROADER', 'Skill', r.conceptUri, 'Skill', r.broaderUri, {}));
  edges.BROADER = await syncEdges(store, broader, { actor: 'import-esco', progress });

  // "relatedSkill is essential/optional for originalSkill": the edge points from the related skill.
  const related = readCsv(dir, 'skillSkillRelations_en.csv')
    .filter(
      (r) =>
        known(skillIds, r.originalSkillUri, 'skill relations: original') &&
        known(skillIds, r.relatedSkillUri, 'skill relations: related'),
    )
    .filter((r) => r.originalSkillUri !== r.relatedSkillUri && usable(r.originalSkillUri) && usable(r.relatedSkillUri))
    .map((r) =>
      edge('RELATED', 'Skill', r.relatedSkillUri, 'Skill', r.originalSkillUri, {
        kind: r.relationType === 'essential' ? 'ESSENTIAL_FOR' : 'OPTIONAL_FOR',
      }),
    );
  edges.RELATED = await syncEdges(store, related, { actor: 'import-esco', progress });

  const occBroader = readCsv(dir, 'broaderRelationsOccPillar_en.csv', false)
    .filter(
      (r) =>
        known(occIds, r.conceptUri, 'occupation hierarchy: child') &&
        known(occIds, r.broaderUri, 'occupation hierarchy: parent'),
    )
    .map((r) => edge('BROADER_OCCUPATION', 'Occupation', r.conceptUri, 'Occupation', r.broaderUri, {}));
  edges.BROADER_OCCUPATION = await syncEdges(store, occBroader, { actor: 'import-esco', progress });

  const needs = readCsv(dir, 'occupationSkillRelations_en.csv')
    .filter(
      (r) =>
        known(occIds, r.occupationUri, 'occupation skills: occupation') &&
        known(skillIds, r.skillUri, 'occupation skills: skill') &&
        usable(r.skillUri),
    )
    .map((r) =>
      edge('NEEDS_SKILL', 'Occupation', r.occupationUri, 'Skill', r.skillUri, {
        relation: r.relationType === 'essential' ? 'essential' : 'optional',
      }),
    );
  edges.NEEDS_SKILL = await syncEdges(store, needs, { actor: 'import-esco', progress });

  return {
    skills: {
      created: skillResult.created,
      updated: skillResult.updated,
      unchanged: skillResult.unchanged,
      skippedDeprecated: deprecated.size,
    },
    skillGroups: groupRows.length,
    occupations: { created: occResult.created, updated: occResult.updated, unchanged: occResult.unchanged },
    iscoGroups: iscoRows.length,
    edges,
    unknownReferences: unknown,
    seconds: (Date.now() - t0) / 1000,
  };
}

function escoKind(r: Row, languages: Set<string>): SkillKind {
  if (languages.has(r.conceptUri)) return 'language';
  if (r.reuseLevel === 'transversal') return 'transversal';
  if (r.skillType === 'knowledge') return 'knowledge';
  return 'skill';
}

function edge(
  type: EdgeType,
  fromLabel: NodeLabel,
  from: string,
  toLabel: NodeLabel,
  to: string,
  props: Props,
): EdgeRecord {
  return { type, from: { label: fromLabel, id: from }, to: { label: toLabel, id: to }, props };
}
