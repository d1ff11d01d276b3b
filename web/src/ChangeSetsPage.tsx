/**
 * Change sets: the draft being collected in this tab (its edits, a title, propose), the change sets waiting for
 * review and the decided ones; one change set's page shows each edit's effect as a readable diff (what
 * approving it now would do, or what it did), the first edit that no longer applies, the discussion, and the
 * decisions the signed-in role may take (reviewers approve or reject, the proposer withdraws).
 */
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { gql } from './api.ts';
import { graphql } from './graphql/index.ts';
import type { ChangeSetPageQuery, ChangeSetStatus, ChangeSetsListQuery } from './graphql/graphql.ts';
import { DiffTable } from './SkillPage.tsx';
import { atLeast, draft, useDraft, useSession } from './session.ts';

const LIST = graphql(`
  query ChangeSetsList($status: ChangeSetStatus) {
    changeSets(status: $status, first: 200) {
      id
      title
      status
      proposedBy
      proposedAt
      edits {
        operation
      }
    }
  }
`);

const PROPOSE = graphql(`
  mutation ChangeSetsPropose($input: ChangeSetInput!) {
    proposeChangeSet(input: $input) {
      id
    }
  }
`);

const openChangeSet = (id: string) => (location.hash = `#/changes/${encodeURIComponent(id)}`);

export function ChangeSetsPage() {
  const [status, setStatus] = useState<ChangeSetStatus | ''>('PROPOSED');
  const [list, setList] = useState<ChangeSetsListQuery['changeSets'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setList((await gql(LIST, { status: status || null })).changeSets);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [status]);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section aria-labelledby="changesets">
      <h1 id="changesets">Change sets</h1>
      <Draft />
      <h2>Reviews</h2>
      <label htmlFor="cs-status">Show</label>{' '}
      <select id="cs-status" value={status} onChange={(e) => setStatus(e.target.value as ChangeSetStatus | '')}>
        <option value="PROPOSED">waiting for review</option>
        <option value="APPLIED">applied</option>
        <option value="REJECTED">rejected</option>
        <option value="WITHDRAWN">withdrawn</option>
        <option value="">all</option>
      </select>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {list === null ? (
        <p aria-busy="true">Loading…</p>
      ) : list.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul data-testid="changeset-list">
          {list.map((c) => (
            <li key={c.id}>
              <a href={`#/changes/${encodeURIComponent(c.id)}`}>{c.title}</a> <small>{c.status.toLowerCase()}</small> ·{' '}
              {c.edits.length} edits · by {c.proposedBy} ·{' '}
              <time dateTime={c.proposedAt}>{new Date(c.proposedAt).toLocaleString()}</time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The edits collected in this tab, and proposing them as one change set. */
function Draft() {
  const edits = useDraft();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!edits.length)
    return (
      <section aria-labelledby="draft">
        <h2 id="draft">Your draft</h2>
        <p className="muted">
          No edits collected. Turn on “Collect edits for review” (editors below the direct-edit role always collect),
          then edit skills as usual: each edit lands here.
        </p>
      </section>
    );
  const propose = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const { proposeChangeSet } = await gql(PROPOSE, {
        input: { title, description: description || null, edits: edits.map((d) => d.edit) },
      });
      draft.clear();
      openChangeSet(proposeChangeSet.id);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <section aria-labelledby="draft">
      <h2 id="draft">Your draft</h2>
      <ol data-testid="draft-edits">
        {edits.map((d, i) => (
          <li key={i}>
            {d.summary}{' '}
            <button type="button" aria-label={`Drop edit ${i + 1}`} onClick={() => draft.remove(i)}>
              Drop
            </button>
          </li>
        ))}
      </ol>
      <form onSubmit={propose}>
        <p>
          <label htmlFor="cs-title">Title</label>{' '}
          <input id="cs-title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
        </p>
        <p>
          <label htmlFor="cs-description">Why</label>
          <textarea
            id="cs-description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            rows={2}
            maxLength={4000}
          />
        </p>
        <button type="submit">Propose for review</button>{' '}
        <button type="button" onClick={() => draft.clear()}>
          Discard draft
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}

const CHANGE_SET = graphql(`
  query ChangeSetPage($id: ID!) {
    changeSet(id: $id) {
      id
      title
      description
      status
      proposedBy
      proposedAt
      decidedBy
      decidedAt
      comments {
        by
        at
        kind
        text
      }
      effect {
        edits {
          operation
          subjects
          before
          after
        }
        problem {
          code
          message
        }
      }
    }
  }
`);

type ChangeSet = NonNullable<ChangeSetPageQuery['changeSet']>;

export function ChangeSetPage(props: { id: string }) {
  const session = useSession();
  const [cs, setCs] = useState<ChangeSet | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const load = useCallback(async () => {
    try {
      setCs((await gql(CHANGE_SET, { id: props.id })).changeSet);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [props.id]);
  useEffect(() => {
    void load();
  }, [load]);
  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
      setText('');
      setError(null);
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  if (cs === undefined) return error ? <p role="alert">{error}</p> : <p aria-busy="true">Loading…</p>;
  if (cs === null) return <p role="alert">No change set has id “{props.id}”.</p>;
  const open = cs.status === 'PROPOSED';
  const reviewer = atLeast(session.role, 'REVIEWER');
  const mine = cs.proposedBy === session.actor;
  return (
    <article aria-labelledby="cs-title-h">
      <h1 id="cs-title-h">{cs.title}</h1>
      <p className="meta">
        <span data-testid="cs-status">{cs.status.toLowerCase()}</span> · proposed by {cs.proposedBy} ·{' '}
        <time dateTime={cs.proposedAt}>{new Date(cs.proposedAt).toLocaleString()}</time>
        {cs.decidedBy && <> · decided by {cs.decidedBy}</>}
      </p>
      {cs.description && <p>{cs.description}</p>}
      <section aria-labelledby="cs-effect">
        <h2 id="cs-effect">{cs.status === 'APPLIED' ? 'What it did' : 'What approving it now would do'}</h2>
        {cs.effect.problem && (
          <p className="error" role="alert" data-testid="cs-problem">
            It no longer applies: {cs.effect.problem.message}
          </p>
        )}
        <ol className="history" data-testid="cs-edits">
          {cs.effect.edits.map((e, i) => (
            <li key={i}>
              <strong>{e.operation.toLowerCase().replace(/_/g, ' ')}</strong>{' '}
              {e.subjects
                .filter((s) => !s.startsWith('changeset:'))
                .map((s) => (
                  <a key={s} href={`#/skill/${encodeURIComponent(s)}`}>
                    {s}{' '}
                  </a>
                ))}
              <DiffTable before={e.before} after={e.after} omit="changeSet" />
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="cs-discussion">
        <h2 id="cs-discussion">Discussion</h2>
        {cs.comments.length ? (
          <ol data-testid="cs-comments">
            {cs.comments.map((c, i) => (
              <li key={i}>
                <strong>{c.kind === 'COMMENT' ? c.by : `${c.kind.toLowerCase()} by ${c.by}`}</strong>{' '}
                <time dateTime={c.at}>{new Date(c.at).toLocaleString()}</time>
                {c.text && <p>{c.text}</p>}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">No comments yet.</p>
        )}
        {open && (
          <div>
            <label htmlFor="cs-comment">Comment{reviewer ? ' (or the reason for a rejection)' : ''}</label>
            <textarea
              id="cs-comment"
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={2}
              maxLength={4000}
            />
            <p>
              <button type="button" disabled={!text.trim()} onClick={() => void act(() => comment(cs.id, text))}>
                Comment
              </button>{' '}
              {reviewer && (!mine || session.role === 'ADMIN') && (
                <>
                  <button
                    type="button"
                    disabled={!!cs.effect.problem}
                    onClick={() => void act(() => approve(cs.id, text || null))}
                  >
                    Approve and apply
                  </button>{' '}
                  <button type="button" disabled={!text.trim()} onClick={() => void act(() => reject(cs.id, text))}>
                    Reject
                  </button>{' '}
                </>
              )}
              {mine && (
                <button type="button" onClick={() => void act(() => withdraw(cs.id))}>
                  Withdraw
                </button>
              )}
            </p>
          </div>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </section>
    </article>
  );
}

const comment = (id: string, c: string) =>
  gql(
    graphql(`
      mutation ChangeSetComment($id: ID!, $c: String!) {
        commentOnChangeSet(id: $id, comment: $c) {
          id
        }
      }
    `),
    { id, c },
  );

const approve = (id: string, c: string | null) =>
  gql(
    graphql(`
      mutation ChangeSetApprove($id: ID!, $c: String) {
        approveChangeSet(id: $id, comment: $c) {
          id
        }
      }
    `),
    { id, c },
  );

const reject = (id: string, r: string) =>
  gql(
    graphql(`
      mutation ChangeSetReject($id: ID!, $r: String!) {
        rejectChangeSet(id: $id, reason: $r) {
          id
        }
      }
    `),
    { id, r },
  );

const withdraw = (id: string) =>
  gql(
    graphql(`
      mutation ChangeSetWithdraw($id: ID!) {
        withdrawChangeSet(id: $id) {
          id
        }
      }
    `),
    { id },
  );
