/**
 * A skill's neighbourhood as a small picture: the skill in the middle, its parents above, children below,
 * siblings to the left and related skills to the right (a graphology graph drawn by sigma.js in WebGL). Clicking
 * a skill opens its page. The lists beside it say the same in words (screen readers and keyboards use those);
 * where WebGL is missing the picture says so and the lists remain.
 */
import { useEffect, useRef, useState } from 'react';
import Graph from 'graphology';
import Sigma from 'sigma';
import { openSkill } from './App.tsx';
import type { SkillDetail, SkillRef } from './types.ts';

/** The most skills drawn per group; the rest are counted in a "+N more" node. */
const PER_GROUP = 10;

const GROUPS = [
  { key: 'parents', name: 'parents', color: '#1d4ed8', place: (i: number, n: number) => row(i, n, 1) },
  { key: 'children', name: 'children', color: '#15803d', place: (i: number, n: number) => row(i, n, -1) },
  { key: 'siblings', name: 'siblings', color: '#6b7280', place: (i: number, n: number) => column(i, n, -2.4) },
  { key: 'related', name: 'related', color: '#c2410c', place: (i: number, n: number) => column(i, n, 1.7) },
] as const;

function row(i: number, n: number, y: number) {
  return { x: n === 1 ? 0 : -1.5 + (3 * i) / (n - 1), y };
}
function column(i: number, n: number, x: number) {
  return { x, y: n === 1 ? 0 : 0.6 - (1.2 * i) / (n - 1) };
}

/** The graph the picture draws (exported for its layout to be read in tests and by other views). */
export function neighbourhoodGraph(skill: SkillDetail): Graph {
  const g = new Graph({ multi: false, type: 'undirected' });
  g.addNode(skill.id, { label: skill.label, x: 0, y: 0, size: 14, color: '#111827' });
  const lists: Record<(typeof GROUPS)[number]['key'], SkillRef[]> = {
    parents: skill.parents,
    children: skill.children,
    siblings: skill.siblings,
    related: skill.related.map((r) => r.skill),
  };
  for (const group of GROUPS) {
    const all = lists[group.key].filter((s) => !g.hasNode(s.id));
    const shown = all.slice(0, PER_GROUP);
    const more = all.length - shown.length;
    const n = shown.length + (more > 0 ? 1 : 0);
    shown.forEach((s, i) => {
      g.addNode(s.id, { label: s.label, size: 8, color: group.color, ...group.place(i, n) });
      g.addEdge(skill.id, s.id, { size: 1.5, color: '#cbd5e1' });
    });
    if (more > 0) {
      const id = `more:${group.key}`;
      g.addNode(id, { label: `+${more} more ${group.name}`, size: 5, color: '#d1d5db', ...group.place(n - 1, n) });
      g.addEdge(skill.id, id, { size: 1, color: '#e5e7eb' });
    }
  }
  return g;
}

export function Neighbourhood(props: { skill: SkillDetail }) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const { skill } = props;
  useEffect(() => {
    if (!container.current) return;
    let renderer: Sigma | null = null;
    try {
      renderer = new Sigma(neighbourhoodGraph(skill), container.current, {
        labelRenderedSizeThreshold: 0,
        labelDensity: 1,
        enableCameraZooming: false,
        enableCameraPanning: false,
        stagePadding: 40,
      });
      renderer.on('clickNode', ({ node }) => {
        if (node !== skill.id && !node.startsWith('more:')) openSkill(node);
      });
      setFailed(null);
    } catch (e) {
      setFailed((e as Error).message);
    }
    return () => renderer?.kill();
  }, [skill]);
  const summary = `${skill.label}: ${skill.parents.length} parents, ${skill.children.length} children, ${skill.siblings.length} siblings, ${skill.related.length} related skills`;
  return (
    <figure className="neighbourhood" aria-labelledby="neighbourhood-caption">
      <div
        ref={container}
        className="neighbourhood-canvas"
        role="img"
        aria-label={summary}
        data-testid="neighbourhood"
      />
      <figcaption id="neighbourhood-caption">
        {failed ? (
          <span className="muted">The picture needs WebGL ({failed}); the lists below say the same.</span>
        ) : (
          <>
            Neighbourhood:{' '}
            {GROUPS.map((g) => (
              <span key={g.key} className="legend">
                <span className="swatch" style={{ background: g.color }} aria-hidden="true" /> {g.name}{' '}
              </span>
            ))}
            — click a skill to open it.
          </>
        )}
      </figcaption>
    </figure>
  );
}
