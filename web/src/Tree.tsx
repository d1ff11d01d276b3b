/** The hierarchy from its roots, each level loaded when it is opened (WAI-ARIA tree: arrows, Enter, Space). */
import { useEffect, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { gql } from './api.ts';
import type { SkillRef } from './types.ts';
import { openSkill } from './App.tsx';

export function Tree(props: { selected: string | null }) {
  const [roots, setRoots] = useState<SkillRef[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    gql<{ skillRoots: SkillRef[] }>('{ skillRoots { id label } }')
      .then((d) => setRoots(d.skillRoots))
      .catch((e: Error) => setError(e.message));
  }, []);
  if (error) return <p className="error">{error}</p>;
  if (!roots) return <p aria-busy="true">Loading…</p>;
  return (
    <ul role="tree" aria-label="Skills by domain" className="tree" onKeyDown={moveFocus}>
      {roots.map((r, i) => (
        <Node key={r.id} skill={r} level={1} selected={props.selected} first={i === 0} />
      ))}
    </ul>
  );
}

function Node(props: { skill: SkillRef; level: number; selected: string | null; first?: boolean }) {
  const [open, setOpen] = useState(false);
  const [children, setChildren] = useState<SkillRef[] | null>(null);
  const toggle = async () => {
    if (!open && children === null) {
      const d = await gql<{ skill: { children: SkillRef[] } | null }>(
        'query($id: ID!) { skill(id: $id) { children(first: 1000) { id label } } }',
        { id: props.skill.id },
      );
      setChildren([...(d.skill?.children ?? [])].sort((a, b) => a.label.localeCompare(b.label)));
    }
    setOpen(!open);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter') openSkill(props.skill.id);
    else if (e.key === ' ' || (e.key === 'ArrowRight' && !open) || (e.key === 'ArrowLeft' && open)) void toggle();
    else return;
    e.preventDefault();
  };
  const leaf = children !== null && children.length === 0;
  return (
    <li
      role="treeitem"
      aria-expanded={leaf ? undefined : open}
      aria-selected={props.selected === props.skill.id}
      aria-level={props.level}
      tabIndex={props.first ? 0 : -1}
      onKeyDown={onKey}
      data-id={props.skill.id}
    >
      <span className="row">
        <button
          type="button"
          className="twisty"
          tabIndex={-1}
          aria-label={`${open ? 'Collapse' : 'Expand'} ${props.skill.label}`}
          onClick={() => void toggle()}
          disabled={leaf}
        >
          {leaf ? '·' : open ? '▾' : '▸'}
        </button>
        <a href={`#/skill/${encodeURIComponent(props.skill.id)}`} tabIndex={-1}>
          {props.skill.label}
        </a>
      </span>
      {open && children && children.length > 0 && (
        <ul role="group">
          {children.map((c) => (
            <Node key={c.id} skill={c} level={props.level + 1} selected={props.selected} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** Up and down move the focus through the visible items (one tab stop for the whole tree). */
function moveFocus(e: KeyboardEvent<HTMLUListElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="treeitem"]')];
  const i = items.indexOf(document.activeElement as HTMLElement);
  const next = items[Math.min(items.length - 1, Math.max(0, i + (e.key === 'ArrowDown' ? 1 : -1)))];
  if (!next) return;
  e.preventDefault();
  items.forEach((it) => (it.tabIndex = -1));
  next.tabIndex = 0;
  next.focus();
}
