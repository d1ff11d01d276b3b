/**
 * One occupation or group: names, code, the group it is in and what it holds, the skills it needs (essential
 * and optional) and its history. Editors change the skill list (add with the skill search, remove, switch
 * essential/optional) and save it against the version read; a CONFLICT asks them to reload. They can also
 * create an occupation inside this one.
 */
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, gql } from './api.ts';
import { graphql } from './graphql/index.ts';
import { Search } from './Search.tsx';
import { History } from './SkillPage.tsx';
import { editsDirectly, useSession } from './session.ts';
import { SkillLink } from './SkillLink.tsx';
import type { HistoryRecord, Role, SkillRef } from './types.ts';

type Relation = 'ESSENTIAL' | 'OPTIONAL';
interface OccupationRef {
  id: string;
  label: string;
}
interface Occupation extends OccupationRef {
  aliases: string[];
  description: string;
  kind: 'OCCUPATION' | 'GROUP';
  code: string | null;
  version: number;
  parent: OccupationRef | null;
  children: OccupationRef[];
  skills: Array<{ skill: SkillRef; relation: Relation }>;
  history: { edges: Array<{ node: HistoryRecord }> };
}

const OCCUPATION = graphql(`
  query OccupationPage($id: ID!) {
    occupation(id: $id) {
      id
      label
      aliases
      description
      kind
      code
      version
      parent {
        id
        label
      }
      children(first: 1000) {
        id
        label
      }
      skills(first: 1000) {
        skill {
          id
          label
        }
        relation
      }
      history(first: 20) {
        edges {
          node {
            seq
            at
            actor
            operation
            before
            after
          }
        }
      }
    }
  }
`);

const occupationHref = (id: string) => `#/occupation/${encodeURIComponent(id)}`;

export function OccupationPage(props: { id: string; role: Role }) {
  // Occupation edits have no change sets: only roles that edit directly see the controls.
  const editable = editsDirectly(useSession());
  const [occ, setOcc] = useState<Occupation | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setOcc((await gql(OCCUPATION, { id: props.id })).occupation);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [props.id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (occ === undefined) return <p aria-busy="true">Loading…</p>;
  if (occ === null) return <p role="alert">No occupation has id “{props.id}”.</p>;
  const byRelation = (r: Relation) => occ.skills.filter((s) => s.relation === r);
  return (
    <article aria-labelledby="occupation-label" className="skill">
      <h1 id="occupation-label">{occ.label}</h1>
      <p className="meta">
        <code>{occ.id}</code> · {occ.kind === 'GROUP' ? 'group' : 'occupation'}
        {occ.code && <> · code {occ.code}</>} · version {occ.version}
        {occ.parent && (
          <>
            {' '}
            · in <a href={occupationHref(occ.parent.id)}>{occ.parent.label}</a>
          </>
        )}
      </p>
      {editable ? (
        <EditNames occ={occ} onSaved={load} />
      ) : (
        <p>{occ.description || <span className="muted">No description.</span>}</p>
      )}
      {occ.aliases.length > 0 && (
        <ul className="chips" aria-label="Aliases">
          {occ.aliases.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      )}
      {editable ? (
        <SkillEditor occ={occ} onSaved={load} />
      ) : (
        <div className="grid">
          {(['ESSENTIAL', 'OPTIONAL'] as const).map((r) => (
            <section key={r} aria-labelledby={`skills-${r}`}>
              <h2 id={`skills-${r}`}>{r === 'ESSENTIAL' ? 'Essential skills' : 'Optional skills'}</h2>
              {byRelation(r).length ? (
                <ul data-testid={`skills-${r.toLowerCase()}`}>
                  {byRelation(r).map((s) => (
                    <li key={s.skill.id}>
                      <SkillLink s={s.skill} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">None.</p>
              )}
            </section>
          ))}
        </div>
      )}
      {occ.children.length > 0 && (
        <section aria-labelledby="inside">
          <h2 id="inside">Inside this group</h2>
          <ul>
            {occ.children.map((c) => (
              <li key={c.id}>
                <a href={occupationHref(c.id)}>{c.label}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {editable && <MoveToGroup occ={occ} onMoved={load} />}
      {editable && <CreateInside parent={occ} />}
      <section aria-labelledby="history">
        <h2 id="history">History</h2>
        <History records={occ.history.edges.map((e) => e.node)} />
      </section>
    </article>
  );
}

/** The skill list as a draft: add, remove, switch relation; saved as a whole against the version read. */
function SkillEditor(props: { occ: Occupation; onSaved: () => Promise<void> }) {
  const [draft, setDraft] = useState(props.occ.skills);
  const [message, setMessage] = useState<{ text: string; conflict: boolean } | null>(null);
  const changed = JSON.stringify(draft) !== JSON.stringify(props.occ.skills);
  const save = async () => {
    try {
      await gql(
        graphql(`
          mutation OccupationSetOccupationSkills($id: ID!, $v: Int!, $s: [OccupationSkillInput!]!) {
            setOccupationSkills(id: $id, expectedVersion: $v, skills: $s) {
              id
            }
          }
        `),
        {
          id: props.occ.id,
          v: props.occ.version,
          s: draft.map((d) => ({ skillId: d.skill.id, relation: d.relation })),
        },
      );
      setMessage(null);
      await props.onSaved();
    } catch (err) {
      setMessage({ text: (err as Error).message, conflict: err instanceof ApiError && err.code === 'CONFLICT' });
    }
  };
  return (
    <section aria-labelledby="skills-needed">
      <h2 id="skills-needed">Skills it needs</h2>
      <table className="skills-table" data-testid="occupation-skills">
        <thead>
          <tr>
            <th scope="col">Skill</th>
            <th scope="col">Relation</th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {draft.map((d, i) => (
            <tr key={d.skill.id}>
              <td>
                <SkillLink s={d.skill} />
              </td>
              <td>
                <select
                  aria-label={`Relation of ${d.skill.label}`}
                  value={d.relation}
                  onChange={(e) =>
                    setDraft(draft.map((x, j) => (j === i ? { ...x, relation: e.target.value as Relation } : x)))
                  }
                >
                  <option value="ESSENTIAL">essential</option>
                  <option value="OPTIONAL">optional</option>
                </select>
              </td>
              <td>
                <button type="button" onClick={() => setDraft(draft.filter((_, j) => j !== i))}>
                  Remove {d.skill.label}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Search
        id="add-skill"
        label="Add a skill"
        onChoose={(s) => {
          if (!draft.some((d) => d.skill.id === s.id)) setDraft([...draft, { skill: s, relation: 'ESSENTIAL' }]);
        }}
      />
      <p>
        <button type="button" disabled={!changed} onClick={() => void save()}>
          Save skills
        </button>
        <button type="button" disabled={!changed} onClick={() => setDraft(props.occ.skills)}>
          Undo changes
        </button>
      </p>
      {message && (
        <p className="error" role="alert">
          {message.text}{' '}
          {message.conflict && (
            <button type="button" onClick={() => void props.onSaved().then(() => setMessage(null))}>
              Reload (your draft is lost)
            </button>
          )}
        </p>
      )}
    </section>
  );
}

/** Label, aliases (comma-separated) and description, saved against the version read. */
function EditNames(props: { occ: Occupation; onSaved: () => Promise<void> }) {
  const [label, setLabel] = useState(props.occ.label);
  const [aliases, setAliases] = useState(props.occ.aliases.join(', '));
  const [description, setDescription] = useState(props.occ.description);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await gql(
        graphql(`
          mutation OccupationUpdate($id: ID!, $v: Int!, $input: UpdateOccupationInput!) {
            updateOccupation(id: $id, expectedVersion: $v, input: $input) {
              id
            }
          }
        `),
        {
          id: props.occ.id,
          v: props.occ.version,
          input: {
            label,
            description,
            aliases: aliases
              .split(',')
              .map((a) => a.trim())
              .filter(Boolean),
          },
        },
      );
      setError(null);
      await props.onSaved();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form onSubmit={submit} className="names">
      <label htmlFor="occupation-label">Label</label>
      <input id="occupation-label" value={label} onChange={(e) => setLabel(e.target.value)} required maxLength={200} />
      <label htmlFor="occupation-aliases">Aliases (comma-separated)</label>
      <input id="occupation-aliases" value={aliases} onChange={(e) => setAliases(e.target.value)} />
      <label htmlFor="occupation-description">Description</label>
      <textarea
        id="occupation-description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        rows={2}
        maxLength={4000}
      />
      <button type="submit">Save names and description</button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

/** Moves the occupation into another group (found by name), or out of its group; a cycle is refused by the API. */
function MoveToGroup(props: { occ: Occupation; onMoved: () => Promise<void> }) {
  const [text, setText] = useState('');
  const [hits, setHits] = useState<OccupationRef[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setHits([]);
      return;
    }
    const timer = setTimeout(() => {
      gql(
        graphql(`
          query OccupationGroupSearch($q: String!) {
            occupations(search: $q, first: 8) {
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
      ).then(
        (d) => setHits(d.occupations.edges.map((e) => e.node).filter((o) => o.id !== props.occ.id)),
        (e: Error) => setError(e.message),
      );
    }, 150);
    return () => clearTimeout(timer);
  }, [text, props.occ.id]);
  const move = async (parentId: string | null) => {
    try {
      await gql(
        graphql(`
          mutation OccupationMove($id: ID!, $v: Int!, $p: ID) {
            updateOccupation(id: $id, expectedVersion: $v, input: { parentId: $p }) {
              id
            }
          }
        `),
        { id: props.occ.id, v: props.occ.version, p: parentId },
      );
      setText('');
      setError(null);
      await props.onMoved();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section aria-labelledby="move-group">
      <h2 id="move-group">Group</h2>
      <label htmlFor="move-to-group">Move into the group</label>{' '}
      <input
        id="move-to-group"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="type a group's name"
      />
      {hits.length > 0 && (
        <ul data-testid="group-hits">
          {hits.map((h) => (
            <li key={h.id}>
              <button type="button" onClick={() => void move(h.id)}>
                Move into {h.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {props.occ.parent && (
        <button type="button" onClick={() => void move(null)}>
          Take it out of {props.occ.parent.label}
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function CreateInside(props: { parent: OccupationRef }) {
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const d = await gql(
        graphql(`
          mutation OccupationCreateOccupation($input: CreateOccupationInput!) {
            createOccupation(input: $input) {
              id
            }
          }
        `),
        { input: { label, parentId: props.parent.id } },
      );
      location.hash = occupationHref(d.createOccupation.id);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form onSubmit={submit} className="inline">
      <label htmlFor="new-occupation">New occupation in {props.parent.label}</label>
      <input id="new-occupation" value={label} onChange={(e) => setLabel(e.target.value)} required maxLength={200} />
      <button type="submit">Create</button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
