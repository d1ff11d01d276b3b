/**
 * Releases: the taxonomy's named, frozen views. Anyone lists them and compares two (or one with the live
 * taxonomy); editors freeze the taxonomy under a new name. Exports of a release come from the command line
 * (`skillgraph export-taxonomy --release NAME`).
 */
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { gql } from './api.ts';
import { graphql } from './graphql/index.ts';
import type { Role } from './types.ts';
import { canEdit } from './session.ts';

interface Release {
  name: string;
  at: string;
  by: string;
  note: string | null;
  skillCount: number;
  occupationCount: number;
}
interface Ref {
  id: string;
  label: string;
}
interface Diff {
  counts: Record<string, number>;
  added: Ref[];
  removed: Ref[];
  renamed: Array<{ id: string; from: string; to: string }>;
  moved: Array<{ id: string; label: string; from: string[]; to: string[] }>;
  merged: Array<{ id: string; label: string; into: string }>;
  deprecated: Ref[];
  aliasesChanged: Ref[];
  descriptionChanged: Ref[];
}

const LIVE = '';
const skillHref = (id: string) => `#/skill/${encodeURIComponent(id)}`;

export function ReleasesPage(props: { role: Role }) {
  const [releases, setReleases] = useState<Release[] | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(LIVE);
  const [diff, setDiff] = useState<Diff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const d = await gql(
      graphql(`
        query ReleasesReleases {
          releases {
            name
            at
            by
            note
            skillCount
            occupationCount
          }
        }
      `),
    );
    setReleases(d.releases);
    if (d.releases.length) setFrom((f) => f || d.releases[d.releases.length > 1 ? 1 : 0].name);
  }, []);
  useEffect(() => {
    load().catch((e: Error) => setError(e.message));
  }, [load]);

  const compare = async () => {
    try {
      const d = await gql(
        graphql(`
          query ReleasesReleaseDiff($from: String!, $to: String) {
            releaseDiff(from: $from, to: $to) {
              counts {
                added
                removed
                renamed
                moved
                merged
                deprecated
                aliasesChanged
                descriptionChanged
                occupations
              }
              added {
                id
                label
              }
              removed {
                id
                label
              }
              renamed {
                id
                from
                to
              }
              moved {
                id
                label
                from
                to
              }
              merged {
                id
                label
                into
              }
              deprecated {
                id
                label
              }
              aliasesChanged {
                id
                label
              }
              descriptionChanged {
                id
                label
              }
            }
          }
        `),
        { from, to: to || null },
      );
      setDiff(d.releaseDiff);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <article aria-labelledby="releases">
      <h1 id="releases">Releases</h1>
      <p className="muted">
        A release freezes the taxonomy under a name; extraction, matching and search keep using the live taxonomy.
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {canEdit(props.role) && <CreateRelease onCreated={load} />}
      {releases === null ? (
        <p aria-busy="true">Loading…</p>
      ) : releases.length === 0 ? (
        <p className="muted">No releases yet.</p>
      ) : (
        <>
          <table className="skills-table" data-testid="release-list">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Made</th>
                <th scope="col">Skills</th>
                <th scope="col">Occupations</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {releases.map((r) => (
                <tr key={r.name}>
                  <td>{r.name}</td>
                  <td>
                    <time dateTime={r.at}>{new Date(r.at).toLocaleString()}</time> <small>by {r.by}</small>
                  </td>
                  <td>{r.skillCount}</td>
                  <td>{r.occupationCount}</td>
                  <td>{r.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <form
            className="inline"
            onSubmit={(e) => {
              e.preventDefault();
              void compare();
            }}
          >
            <label htmlFor="diff-from">Compare</label>
            <select id="diff-from" value={from} onChange={(e) => setFrom(e.target.value)}>
              {releases.map((r) => (
                <option key={r.name} value={r.name}>
                  {r.name}
                </option>
              ))}
            </select>
            <label htmlFor="diff-to">with</label>
            <select id="diff-to" value={to} onChange={(e) => setTo(e.target.value)}>
              <option value={LIVE}>the live taxonomy</option>
              {releases.map((r) => (
                <option key={r.name} value={r.name}>
                  {r.name}
                </option>
              ))}
            </select>
            <button type="submit">Show changes</button>
          </form>
        </>
      )}
      {diff && <DiffView diff={diff} />}
    </article>
  );
}

function CreateRelease(props: { onCreated: () => Promise<void> }) {
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await gql(
        graphql(`
          mutation ReleasesCreateRelease($n: String!, $note: String) {
            createRelease(name: $n, note: $note) {
              name
            }
          }
        `),
        {
          n: name.trim(),
          note: note.trim() || null,
        },
      );
      setName('');
      setNote('');
      setError(null);
      await props.onCreated();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form onSubmit={submit} className="inline">
      <label htmlFor="release-name">New release</label>
      <input id="release-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="2026.12" required />
      <label htmlFor="release-note">Note</label>
      <input id="release-note" value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit">Freeze the taxonomy</button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

function DiffView(props: { diff: Diff }) {
  const { diff } = props;
  const list = (title: string, rows: Array<{ id: string; text: string }>, count: number) => (
    <section key={title} aria-label={title}>
      <h2>
        {title} <small className="muted">({count})</small>
      </h2>
      {rows.length ? (
        <ul>
          {rows.map((r) => (
            <li key={r.id}>
              <a href={skillHref(r.id)}>{r.text}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None.</p>
      )}
    </section>
  );
  const refs = (xs: Ref[]) => xs.map((x) => ({ id: x.id, text: x.label }));
  return (
    <div className="grid" data-testid="release-diff">
      {list('Added', refs(diff.added), diff.counts.added)}
      {list('Removed', refs(diff.removed), diff.counts.removed)}
      {list(
        'Renamed',
        diff.renamed.map((r) => ({ id: r.id, text: `${r.from} → ${r.to}` })),
        diff.counts.renamed,
      )}
      {list(
        'Moved',
        diff.moved.map((m) => ({
          id: m.id,
          text: `${m.label}: ${m.from.join(', ') || '—'} → ${m.to.join(', ') || '—'}`,
        })),
        diff.counts.moved,
      )}
      {list(
        'Merged',
        diff.merged.map((m) => ({ id: m.id, text: `${m.label} → ${m.into}` })),
        diff.counts.merged,
      )}
      {list('Deprecated', refs(diff.deprecated), diff.counts.deprecated)}
      {list('Aliases changed', refs(diff.aliasesChanged), diff.counts.aliasesChanged)}
      {list('Description changed', refs(diff.descriptionChanged), diff.counts.descriptionChanged)}
    </div>
  );
}
