/**
 * A hierarchy from its roots — skills, or occupations and their groups — each level loaded when it is opened
 * (WAI-ARIA tree: arrows move, Right/Left or Space open and close, Enter opens the page).
 */
import { useEffect, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { gql } from './api.ts';
import { graphql } from './graphql/index.ts';

interface Ref {
  id: string;
  label: string;
}

/** What differs between the two trees: how to read roots and children, and where an item's page is. */
export interface TreeKind {
  name: string;
  roots: () => Promise<Ref[]>;
  children: (id: string) => Promise<Ref[]>;
  href: (id: string) => string;
}

export const SKILL_TREE: TreeKind = {
  name: 'Skills by domain',
  roots: async () =>
    (
      await gql(
        graphql(`
          query TreeSkillRoots {
            skillRoots {
              id
              label
            }
          }
        `),
      )
    ).skillRoots,
  children: async (id) =>
    (
      await gql(
        graphql(`
          query TreeSkill($id: ID!) {
            skill(id: $id) {
              children(first: 1000) {
                id
                label
              }
            }
          }
        `),
        { id },
      )
    ).skill?.children ?? [],
  href: (id) => `#/skill/${encodeURIComponent(id)}`,
};

export const OCCUPATION_TREE: TreeKind = {
  name: 'Occupations by group',
  roots: async () =>
    (
      await gql(
        graphql(`
          query TreeOccupationRoots {
            occupationRoots {
              id
              label
            }
          }
        `),
      )
    ).occupationRoots,
  children: async (id) =>
    (
      await gql(
        graphql(`
          query TreeOccupation($id: ID!) {
            occupation(id: $id) {
              children(first: 1000) {
                id
                label
              }
            }
          }
        `),
        { id },
      )
    ).occupation?.children ?? [],
  href: (id) => `#/occupation/${encodeURIComponent(id)}`,
};

export function Tree(props: { kind: TreeKind; selected: string | null }) {
  const [roots, setRoots] = useState<Ref[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    props.kind
      .roots()
      .then(setRoots)
      .catch((e: Error) => setError(e.message));
  }, [props.kind]);
  if (error) return <p className="error">{error}</p>;
  if (!roots) return <p aria-busy="true">Loading…</p>;
  return (
    <ul role="tree" aria-label={props.kind.name} className="tree" onKeyDown={moveFocus}>
      {roots.map((r, i) => (
        <Node key={r.id} kind={props.kind} item={r} level={1} selected={props.selected} first={i === 0} />
      ))}
    </ul>
  );
}

function Node(props: { kind: TreeKind; item: Ref; level: number; selected: string | null; first?: boolean }) {
  const [open, setOpen] = useState(false);
  const [children, setChildren] = useState<Ref[] | null>(null);
  const toggle = async () => {
    if (!open && children === null)
      setChildren([...(await props.kind.children(props.item.id))].sort((a, b) => a.label.localeCompare(b.label)));
    setOpen(!open);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter') location.hash = props.kind.href(props.item.id);
    else if (e.key === ' ' || (e.key === 'ArrowRight' && !open) || (e.key === 'ArrowLeft' && open)) void toggle();
    else return;
    e.preventDefault();
  };
  const leaf = children !== null && children.length === 0;
  return (
    <li
      role="treeitem"
      aria-expanded={leaf ? undefined : open}
      aria-selected={props.selected === props.item.id}
      aria-level={props.level}
      tabIndex={props.first ? 0 : -1}
      onKeyDown={onKey}
      data-id={props.item.id}
    >
      <span className="row">
        <button
          type="button"
          className="twisty"
          tabIndex={-1}
          aria-label={`${open ? 'Collapse' : 'Expand'} ${props.item.label}`}
          onClick={() => void toggle()}
          disabled={leaf}
        >
          {leaf ? '·' : open ? '▾' : '▸'}
        </button>
        <a href={props.kind.href(props.item.id)} tabIndex={-1}>
          {props.item.label}
        </a>
      </span>
      {open && children && children.length > 0 && (
        <ul role="group">
          {children.map((c) => (
            <Node key={c.id} kind={props.kind} item={c} level={props.level + 1} selected={props.selected} />
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
