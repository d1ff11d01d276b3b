/**
 * One skill: names, status, its neighbourhood (a picture, then the lists: parents, children, siblings, related), the occupations that
 * need it, how many jobs and members carry it, and its history as readable diffs. Editors add aliases and
 * change the description; a CONFLICT (someone changed the skill meanwhile) shows what changed and lets the
 * editor re-apply the change over the new version or discard it.
 */
import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, gql } from './api.ts';
import { graphql } from './graphql/index.ts';
import { diffRecord } from './diff.ts';
import { SkillStructure } from './SkillStructure.tsx';
// The picture's renderer (sigma.js, WebGL) loads with the first skill page, not with the workbench.
const Neighbourhood = lazy(() => import('./Neighbourhood.tsx').then((m) => ({ default: m.Neighbourhood })));
import { SkillLink } from './SkillLink.tsx';
import type { HistoryRecord, Role, SkillDetail, SkillRef } from './types.ts';
import { canEdit, useSkillEdit } from './session.ts';

const SKILL = graphql(`
  query SkillPage($id: ID!, $usage: Boolean!) {
    skill(id: $id) {
      id
      label
      aliases
      description
      kind
      status
      version
      replacedBy {
        id
        label
      }
      parents {
        id
        label
      }
      children(first: 200) {
        id
        label
      }
      siblings(first: 200) {
        id
        label
      }
      related {
        skill {
          id
          label
        }
        type
        provenance
      }
      occupations(first: 200) {
        occupation {
          id
          label
        }
        relation
      }
      usage @include(if: $usage) {
        jobs
        members
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

export function SkillPage(props: { id: string; role: Role }) {
  const [skill, setSkill] = useState<SkillDetail | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      const d = await gql(SKILL, { id: props.id, usage: props.role !== 'ANONYMOUS' });
      setSkill(d.skill);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [props.id, props.role]);
  useEffect(() => {
    void load();
  }, [load]);

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (skill === undefined) return <p aria-busy="true">Loading…</p>;
  if (skill === null) return <p role="alert">No skill has id “{props.id}”.</p>;
  return (
    <article aria-labelledby="skill-label" className="skill">
      <h1 id="skill-label">{skill.label}</h1>
      <p className="meta">
        <code>{skill.id}</code> · {skill.kind.toLowerCase()} ·{' '}
        <span className={skill.status === 'DEPRECATED' ? 'deprecated' : ''}>{skill.status.toLowerCase()}</span>
        {skill.replacedBy && (
          <>
            {' '}
            → <SkillLink s={skill.replacedBy} />
          </>
        )}{' '}
        · version {skill.version}
        {skill.usage && (
          <>
            {' '}
            ·{' '}
            <span data-testid="usage">
              {skill.usage.jobs} jobs, {skill.usage.members} members
            </span>
          </>
        )}
      </p>
      {canEdit(props.role) && <Rename skill={skill} onRenamed={load} onDrafted={setNotice} />}
      {notice && (
        <p role="status" className="notice" data-testid="drafted">
          {notice} <a href="#/changes">Review your draft</a>
        </p>
      )}
      <Description skill={skill} editable={canEdit(props.role)} onChanged={load} onDrafted={setNotice} />
      <section aria-labelledby="aliases">
        <h2 id="aliases">Aliases</h2>
        {skill.aliases.length ? (
          <ul className="chips" data-testid="aliases">
            {skill.aliases.map((a) => (
              <li key={a}>
                {a}
                {canEdit(props.role) && <RemoveAlias skill={skill} alias={a} onRemoved={load} onDrafted={setNotice} />}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">None.</p>
        )}
        {canEdit(props.role) && <AddAlias skill={skill} onAdded={load} onDrafted={setNotice} />}
      </section>
      <Suspense fallback={<p aria-busy="true">Drawing the neighbourhood…</p>}>
        <Neighbourhood skill={skill} />
      </Suspense>
      <div className="grid">
        <Links title="Parents" skills={skill.parents} />
        <Links title="Children" skills={skill.children} />
        <Links title="Siblings" skills={skill.siblings} />
        <section aria-labelledby="related">
          <h2 id="related">Related</h2>
          {skill.related.length ? (
            <ul>
              {skill.related.map((r) => (
                <li key={r.skill.id}>
                  <SkillLink s={r.skill} /> <small>{r.type.toLowerCase().replace('_', ' ')}</small>
                  {r.provenance === 'MINED' && <small className="badge">mined</small>}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">None.</p>
          )}
        </section>
        <section aria-labelledby="occupations">
          <h2 id="occupations">Occupations that need it</h2>
          {skill.occupations.length ? (
            <ul>
              {skill.occupations.map((o) => (
                <li key={o.occupation.id}>
                  <a href={`#/occupation/${encodeURIComponent(o.occupation.id)}`}>{o.occupation.label}</a>{' '}
                  <small>{o.relation.toLowerCase()}</small>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">None.</p>
          )}
        </section>
      </div>
      {canEdit(props.role) && <SkillStructure skill={skill} onChanged={load} onDrafted={setNotice} />}
      <section aria-labelledby="history">
        <h2 id="history">History</h2>
        <History records={skill.history.edges.map((e) => e.node)} />
      </section>
    </article>
  );
}

export function History(props: { records: HistoryRecord[] }) {
  return (
    <ol className="history" data-testid="history">
      {props.records.map((h) => (
        <li key={h.seq}>
          <strong>{h.operation.toLowerCase().replace(/_/g, ' ')}</strong> by {h.actor} ·{' '}
          <time dateTime={h.at}>{new Date(h.at).toLocaleString()}</time>
          <DiffTable before={h.before} after={h.after} />
        </li>
      ))}
    </ol>
  );
}

/** One record's changed fields, what left beside what came (diff.ts); `omit` leaves fields out. */
export function DiffTable(props: { before: unknown; after: unknown; omit?: string }) {
  return (
    <table>
      <tbody>
        {diffRecord(props.before, props.after)
          .filter((c) => c.field !== props.omit)
          .map((c) => (
            <tr key={c.field}>
              <th scope="row">{c.field}</th>
              <td className="old">{c.before}</td>
              <td className="new">{c.after}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

function Links(props: { title: string; skills: SkillRef[] }) {
  const id = `links-${props.title.toLowerCase()}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      {props.skills.length ? (
        <ul>
          {props.skills.map((s) => (
            <li key={s.id}>
              <SkillLink s={s} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None.</p>
      )}
    </section>
  );
}

/** What an edit component is told: the skill changed (reload), or the edit went into the draft change set. */
interface EditProps {
  skill: SkillDetail;
  onDrafted: (notice: string) => void;
}

const DRAFTED = (what: string) => `${what}: added to your draft change set.`;

function AddAlias(props: EditProps & { onAdded: () => Promise<void> }) {
  const [alias, setAlias] = useState('');
  const [error, setError] = useState<string | null>(null);
  const edit = useSkillEdit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const summary = `Add alias “${alias}” to ${props.skill.label}`;
      const done = await edit({ addSkillAlias: { id: props.skill.id, alias } }, summary, () =>
        gql(
          graphql(`
            mutation SkillAddSkillAlias($id: ID!, $a: String!) {
              addSkillAlias(id: $id, alias: $a) {
                id
              }
            }
          `),
          {
            id: props.skill.id,
            a: alias,
          },
        ),
      );
      setAlias('');
      setError(null);
      if (done === 'drafted') props.onDrafted(DRAFTED(summary));
      else await props.onAdded();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form onSubmit={submit} className="inline">
      <label htmlFor="new-alias">New alias</label>
      <input id="new-alias" value={alias} onChange={(e) => setAlias(e.target.value)} required maxLength={200} />
      <button type="submit">Add alias</button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

function RemoveAlias(props: EditProps & { alias: string; onRemoved: () => Promise<void> }) {
  const edit = useSkillEdit();
  const summary = `Remove alias “${props.alias}” from ${props.skill.label}`;
  return (
    <button
      type="button"
      className="chip-remove"
      aria-label={`Remove alias ${props.alias}`}
      onClick={() =>
        void edit({ removeSkillAlias: { id: props.skill.id, alias: props.alias } }, summary, () =>
          gql(
            graphql(`
              mutation SkillRemoveAlias($id: ID!, $a: String!) {
                removeSkillAlias(id: $id, alias: $a) {
                  id
                }
              }
            `),
            { id: props.skill.id, a: props.alias },
          ),
        ).then(
          (done) => (done === 'drafted' ? props.onDrafted(DRAFTED(summary)) : props.onRemoved()),
          (e: Error) => window.alert(e.message),
        )
      }
    >
      ×
    </button>
  );
}

/** A new label, saved against the version read (a CONFLICT says someone changed the skill meanwhile). */
function Rename(props: EditProps & { onRenamed: () => Promise<void> }) {
  const [label, setLabel] = useState(props.skill.label);
  const [error, setError] = useState<string | null>(null);
  const edit = useSkillEdit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const { id, version } = props.skill;
      const summary = `Rename ${props.skill.label} to “${label}”`;
      const done = await edit({ updateSkill: { id, expectedVersion: version, input: { label } } }, summary, () =>
        gql(
          graphql(`
            mutation SkillRename($id: ID!, $v: Int!, $l: String!) {
              updateSkill(id: $id, expectedVersion: $v, input: { label: $l }) {
                id
              }
            }
          `),
          { id, v: version, l: label },
        ),
      );
      setError(null);
      if (done === 'drafted') props.onDrafted(DRAFTED(summary));
      else await props.onRenamed();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form onSubmit={submit} className="inline">
      <label htmlFor="skill-label-input">Label</label>
      <input id="skill-label-input" value={label} onChange={(e) => setLabel(e.target.value)} required maxLength={200} />
      <button type="submit" disabled={label.trim() === props.skill.label}>
        Rename
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

/**
 * The description, editable against the version read. On CONFLICT the editor sees the description as it is
 * now next to theirs, and either re-applies theirs over the new version or takes the new one.
 */
function Description(props: EditProps & { editable: boolean; onChanged: () => Promise<void> }) {
  const edit = useSkillEdit();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(props.skill.description);
  const [conflict, setConflict] = useState<{ theirs: string; version: number; message: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async (version: number) => {
    try {
      const summary = `Change the description of ${props.skill.label}`;
      const input = { id: props.skill.id, expectedVersion: version, input: { description: text } };
      const done = await edit({ updateSkill: input }, summary, () =>
        gql(
          graphql(`
            mutation SkillUpdateSkill($id: ID!, $v: Int!, $d: String!) {
              updateSkill(id: $id, expectedVersion: $v, input: { description: $d }) {
                id
              }
            }
          `),
          { id: props.skill.id, v: version, d: text },
        ),
      );
      setEditing(false);
      setConflict(null);
      setError(null);
      if (done === 'drafted') props.onDrafted(DRAFTED(summary));
      else await props.onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        const d = await gql(
          graphql(`
            query SkillSkill($id: ID!) {
              skill(id: $id) {
                description
                version
              }
            }
          `),
          { id: props.skill.id },
        );
        if (d.skill) setConflict({ theirs: d.skill.description, version: d.skill.version, message: err.message });
        else setError('The skill was removed meanwhile.');
      } else setError((err as Error).message);
    }
  };
  if (!editing)
    return (
      <section aria-labelledby="description">
        <h2 id="description">Description</h2>
        <p data-testid="description">{props.skill.description || <span className="muted">None.</span>}</p>
        {props.editable && (
          <button type="button" onClick={() => setEditing(true)}>
            Edit description
          </button>
        )}
      </section>
    );
  return (
    <section aria-labelledby="description">
      <h2 id="description">Description</h2>
      <label htmlFor="description-text" className="sr-only">
        Description
      </label>
      <textarea
        id="description-text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={3}
        maxLength={4000}
      />
      {conflict ? (
        <div className="conflict" role="alert" data-testid="conflict">
          <p>Someone changed this skill meanwhile (now version {conflict.version}). Their description:</p>
          <blockquote>{conflict.theirs || '—'}</blockquote>
          <button type="button" onClick={() => void save(conflict.version)}>
            Re-apply mine
          </button>
          <button
            type="button"
            onClick={() => {
              setEditing(false);
              setConflict(null);
              void props.onChanged();
            }}
          >
            Discard mine
          </button>
        </div>
      ) : (
        <div>
          <button type="button" onClick={() => void save(props.skill.version)}>
            Save
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
