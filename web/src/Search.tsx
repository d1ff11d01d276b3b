/**
 * Search with autocomplete over skills(search): a combobox; arrows pick, Enter chooses, Escape closes. The
 * header's instance opens the chosen skill and answers "/"; others (the occupation page's skill picker) hand
 * the choice to onChoose.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { gql } from './api.ts';
import { graphql } from './graphql/index.ts';
import type { SkillRef } from './types.ts';
import { openSkill } from './App.tsx';

export function Search(props: { id?: string; label?: string; onChoose?: (s: SkillRef) => void } = {}) {
  const inputId = props.id ?? 'search';
  const global = !props.onChoose;
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SkillRef[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!global) return;
    const onSlash = (e: globalThis.KeyboardEvent) => {
      if (
        e.key === '/' &&
        document.activeElement?.tagName !== 'INPUT' &&
        document.activeElement?.tagName !== 'TEXTAREA'
      ) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onSlash);
    return () => window.removeEventListener('keydown', onSlash);
  }, [global]);

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setHits([]);
      return;
    }
    let stale = false;
    const t = setTimeout(() => {
      gql(
        graphql(`
          query SearchSkills($q: String!) {
            skills(search: $q, first: 8) {
              edges {
                node {
                  id
                  label
                }
              }
            }
          }
        `),
        { q },
      )
        .then((d) => {
          if (stale) return;
          setHits(d.skills.edges.map((e) => e.node));
          setActive(0);
          setOpen(true);
        })
        .catch(() => !stale && setHits([]));
    }, 120);
    return () => {
      stale = true;
      clearTimeout(t);
    };
  }, [text]);

  const choose = (s: SkillRef | undefined) => {
    if (!s) return;
    if (props.onChoose) props.onChoose(s);
    else openSkill(s.id);
    setOpen(false);
    setText('');
  };

  return (
    <div className="search">
      <label htmlFor={inputId} className={global ? 'sr-only' : undefined}>
        {props.label ?? 'Search skills'}
      </label>
      <input
        id={inputId}
        ref={input}
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && hits[active] ? `${listId}-${active}` : undefined}
        placeholder={global ? 'Search skills  ( / )' : 'type to search'}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(hits.length - 1, a + 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
          else if (e.key === 'Enter') choose(hits[active]);
          else if (e.key === 'Escape') setOpen(false);
          else return;
          e.preventDefault();
        }}
      />
      {open && hits.length > 0 && (
        <ul id={listId} role="listbox" className="hits" aria-label="Matching skills">
          {hits.map((h, i) => (
            <li
              key={h.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(h);
              }}
            >
              {h.label} <small>{h.id}</small>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
