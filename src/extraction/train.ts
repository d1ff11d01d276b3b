/**
 * Training pairs for the semantic tagger's tower, drawn from the taxonomy in a store:
 * alias → label and description → label for every active skill, and an occupation's
 * description → the label of one of its essential skills (three draws per occupation).
 * Evaluation sentences are never used.
 */
import { seededRandom } from '../random.ts';
import { allNodes } from '../store/scan.ts';
import type { GraphStore } from '../store/types.ts';

const ALIASES_PER_SKILL = 4;
const DRAWS_PER_OCCUPATION = 3;

export async function taxonomyPairs(store: GraphStore, seed = 1): Promise<Array<[string, string]>> {
  const rand = seededRandom(seed);
  const pairs: Array<[string, string]> = [];
  const skills = (await allNodes(store, 'Skill')).filter((s) => s.props.status !== 'DEPRECATED');
  const labelOf = new Map(skills.map((s) => [s.id, String(s.props.label)]));
  for (const s of skills) {
    const label = String(s.props.label);
    for (const a of ((s.props.aliases as string[] | undefined) ?? []).slice(0, ALIASES_PER_SKILL))
      pairs.push([a, label]);
    const d = String(s.props.description ?? '').trim();
    if (d) pairs.push([d, label]);
  }
  const occupations = await allNodes(store, 'Occupation');
  for (let i = 0; i < occupations.length; i += 1000) {
    const chunk = occupations.slice(i, i + 1000);
    const needs = await store.neighborsMany(
      'Occupation',
      chunk.map((o) => o.id),
      'NEEDS_SKILL',
      'out',
    );
    chunk.forEach((o, j) => {
      const essential = needs[j].filter((n) => n.edge.props.relation === 'essential' && labelOf.has(n.node.id));
      const d = String(o.props.description ?? '')
        .split(/(?<=\.)\s/)[0]
        .trim();
      if (!d || essential.length === 0) return;
      for (let k = 0; k < DRAWS_PER_OCCUPATION; k++)
        pairs.push([d, labelOf.get(essential[Math.floor(rand() * essential.length)].node.id)!]);
    });
  }
  return pairs;
}
