/**
 * Curation work for editors: related-skill suggestions mined from jobs and members (accept as a RELATED link,
 * or dismiss — it stays away until its evidence doubles), and the skills people most often reject or add on
 * jobs and members, by domain; terms extraction could not map (TermsSection); skills nobody uses (UnusedSkills). Everything through the public API (role editor).
 */
import { useCallback, useEffect, useState } from 'react';
import { gql } from './api.ts';
import { graphql } from './graphql/index.ts';
import type { RelationType } from './graphql/graphql.ts';
import { SkillLink } from './SkillLink.tsx';
import { TermsSection } from './TermsSection.tsx';
import { UnusedSkills } from './UnusedSkills.tsx';
import type { SkillRef } from './types.ts';

interface Suggestion {
  from: SkillRef;
  to: SkillRef;
  support: number;
  jobs: number;
  members: number;
  npmi: number;
  lift: number;
  graphSimilarity: number | null;
  exampleJobs: Array<{ id: string; title: string | null }>;
}
interface Tally {
  skill: SkillRef;
  domain: SkillRef | null;
  count: number;
  jobs: number;
  members: number;
}

const RELATION_TYPES = ['COMPLEMENTARY', 'SIMILAR', 'PREREQUISITE', 'ESSENTIAL_FOR', 'OPTIONAL_FOR'] as const;

graphql(`
  fragment CurationTally on SkillFeedbackTally {
    skill {
      id
      label
    }
    domain {
      id
      label
    }
    count
    jobs
    members
  }
`);

export function CurationPage() {
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [rejected, setRejected] = useState<Tally[]>([]);
  const [added, setAdded] = useState<Tally[]>([]);
  const [flagged, setFlagged] = useState<Tally[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(async () => {
    const d = await gql(
      graphql(`
        query CurationRelatedSkillSuggestions {
          relatedSkillSuggestions(first: 100) {
            from {
              id
              label
            }
            to {
              id
              label
            }
            support
            jobs
            members
            npmi
            lift
            graphSimilarity
            exampleJobs {
              id
              title
            }
          }
          rejected: skillFeedbackSummary(decision: REJECTED, first: 50) {
            ...CurationTally
          }
          added: skillFeedbackSummary(decision: ADDED, first: 50) {
            ...CurationTally
          }
          flagged: skillFlagSummary(first: 50) {
            ...CurationTally
          }
        }
      `),
    );
    setSuggestions(d.relatedSkillSuggestions);
    setRejected(d.rejected);
    setAdded(d.added);
    setFlagged(d.flagged);
  }, []);
  useEffect(() => {
    load().catch((e: Error) => setMessage(e.message));
  }, [load]);

  /** Runs one decision or mining run, then shows what it did (the work's answer) and reloads the lists. */
  const act = async (work: () => Promise<string>) => {
    try {
      const done = await work();
      await load();
      setMessage(done);
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  const mine = () =>
    act(async () => {
      const d = await gql(
        graphql(`
          mutation CurationMineRelatedSkills {
            mineRelatedSkills {
              mined
              opened
              reopened
            }
          }
        `),
      );
      const r = d.mineRelatedSkills;
      return `Mined ${r.mined} pairs: ${r.opened} new, ${r.reopened} reopened.`;
    });

  return (
    <article aria-labelledby="curation">
      <h1 id="curation">Curation</h1>
      {message && (
        <p role="status" className="muted" data-testid="curation-status">
          {message}
        </p>
      )}
      <section aria-labelledby="suggestions">
        <h2 id="suggestions">Suggested related skills</h2>
        <p className="muted">
          Pairs that jobs ask for and members hold together more often than chance (NPMI: 0 independent, 1 always
          together). Accepting writes a RELATED link; a dismissed pair returns only once its support doubles.
        </p>
        <button type="button" onClick={() => void mine()}>
          Mine now
        </button>
        {suggestions === null ? (
          <p aria-busy="true">Loading…</p>
        ) : suggestions.length === 0 ? (
          <p className="muted">No open suggestions.</p>
        ) : (
          <table className="skills-table" data-testid="suggestions">
            <thead>
              <tr>
                <th scope="col">Pair</th>
                <th scope="col">Support</th>
                <th scope="col">NPMI</th>
                <th scope="col">Graph</th>
                <th scope="col">Decide</th>
              </tr>
            </thead>
            <tbody>
              {suggestions.map((s) => (
                <SuggestionRow
                  key={`${s.from.id}|${s.to.id}`}
                  s={s}
                  onAccept={(type) =>
                    act(async () => {
                      await gql(
                        graphql(`
                          mutation CurationAcceptRelatedSkillSuggestion($a: ID!, $b: ID!, $t: RelationType) {
                            acceptRelatedSkillSuggestion(fromId: $a, toId: $b, type: $t) {
                              status
                            }
                          }
                        `),
                        { a: s.from.id, b: s.to.id, t: type },
                      );
                      return `Related ${s.from.label} and ${s.to.label}.`;
                    })
                  }
                  onDismiss={(reason) =>
                    act(async () => {
                      await gql(
                        graphql(`
                          mutation CurationDismissRelatedSkillSuggestion($a: ID!, $b: ID!, $r: String) {
                            dismissRelatedSkillSuggestion(fromId: $a, toId: $b, reason: $r) {
                              status
                            }
                          }
                        `),
                        { a: s.from.id, b: s.to.id, r: reason || null },
                      );
                      return `Dismissed ${s.from.label} – ${s.to.label}.`;
                    })
                  }
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <TermsSection />
      <UnusedSkills />
      <div className="grid">
        <TallyList id="most-rejected" title="Most rejected skills" rows={rejected} />
        <TallyList id="most-added" title="Most added skills" rows={added} />
        <TallyList id="most-flagged" title="Most flagged by job seekers" rows={flagged} />
      </div>
    </article>
  );
}

function SuggestionRow(props: {
  s: Suggestion;
  onAccept: (type: RelationType) => Promise<void>;
  onDismiss: (reason: string) => Promise<void>;
}) {
  const { s } = props;
  const [type, setType] = useState<RelationType>('COMPLEMENTARY');
  const [reason, setReason] = useState('');
  const name = `${s.from.label} – ${s.to.label}`;
  return (
    <tr>
      <td>
        <SkillLink s={s.from} /> – <SkillLink s={s.to} />
        {s.exampleJobs.length > 0 && (
          <div className="muted">
            <small>e.g. {s.exampleJobs.map((j) => j.title ?? j.id).join('; ')}</small>
          </div>
        )}
      </td>
      <td>
        {s.support}{' '}
        <small className="muted">
          ({s.jobs} jobs, {s.members} members)
        </small>
      </td>
      <td>{s.npmi.toFixed(2)}</td>
      <td>{s.graphSimilarity === null ? '—' : s.graphSimilarity.toFixed(2)}</td>
      <td>
        <select
          aria-label={`Relation type for ${name}`}
          value={type}
          onChange={(e) => setType(e.target.value as RelationType)}
        >
          {RELATION_TYPES.map((t) => (
            <option key={t} value={t}>
              {t.toLowerCase().replace('_', ' ')}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void props.onAccept(type)}>
          Accept {name}
        </button>
        <input
          aria-label={`Why dismiss ${name}`}
          placeholder="why (optional)"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="button" onClick={() => void props.onDismiss(reason)}>
          Dismiss {name}
        </button>
      </td>
    </tr>
  );
}

function TallyList(props: { id: string; title: string; rows: Tally[] }) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.rows.length ? (
        <ol data-testid={props.id}>
          {props.rows.map((t) => (
            <li key={t.skill.id}>
              <SkillLink s={t.skill} /> <small>{t.domain ? `in ${t.domain.label}` : 'a domain'}</small> · {t.count}{' '}
              <small className="muted">
                ({t.jobs} jobs, {t.members} members)
              </small>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">None yet.</p>
      )}
    </section>
  );
}
