/**
 * Terms extraction could not map (unmappedTerms): names jobs and members used as skills that no skill owns,
 * the most used first, with examples in context. One step each: add the term as an alias of a skill, create a
 * skill named by it (optionally under a parent), or ignore it. Skill edits go in directly or into the draft
 * change set, as the session edits.
 */
import { useCallback, useEffect, useState } from 'react';
import { gql } from './api.ts';
import { graphql } from './graphql/index.ts';
import type { CurationUnmappedTermsQuery } from './graphql/graphql.ts';
import { Search } from './Search.tsx';
import { useSkillEdit } from './session.ts';
import type { SkillRef } from './types.ts';

type Term = CurationUnmappedTermsQuery['unmappedTerms']['terms'][number];

const TERMS = graphql(`
  query CurationUnmappedTerms($min: Int) {
    unmappedTerms(first: 100, minCount: $min) {
      scanned
      resolved
      terms {
        term
        count
        jobs
        members
        examples {
          kind
          id
          snippet
        }
      }
    }
  }
`);

export function TermsSection() {
  const [report, setReport] = useState<CurationUnmappedTermsQuery['unmappedTerms'] | null>(null);
  const [min, setMin] = useState(2);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setReport((await gql(TERMS, { min })).unmappedTerms);
    } catch (e) {
      setMessage((e as Error).message);
    }
  }, [min]);
  useEffect(() => {
    void load();
  }, [load]);
  const done = async (text: string) => {
    setMessage(text);
    await load();
  };
  return (
    <section aria-labelledby="unmapped">
      <h2 id="unmapped">Terms extraction could not map</h2>
      <p className="muted">
        Names jobs and members use as skills that no skill owns (declared skills and the items of skills sections). Add
        one as an alias or a new skill and it leaves this list at once.
      </p>
      <label htmlFor="terms-min">Used by at least</label>{' '}
      <input
        id="terms-min"
        type="number"
        min={1}
        value={min}
        onChange={(e) => setMin(Math.max(1, Number(e.target.value) || 1))}
        style={{ width: '5em' }}
      />{' '}
      records
      {message && (
        <p role="status" data-testid="terms-status">
          {message}
        </p>
      )}
      {report === null ? (
        <p aria-busy="true">Loading…</p>
      ) : report.terms.length === 0 ? (
        <p className="muted">
          None open ({report.scanned} records read, {report.resolved} terms resolved or ignored).
        </p>
      ) : (
        <table className="skills-table" data-testid="unmapped-terms">
          <thead>
            <tr>
              <th scope="col">Term</th>
              <th scope="col">Used by</th>
              <th scope="col">In context</th>
              <th scope="col">Resolve</th>
            </tr>
          </thead>
          <tbody>
            {report.terms.map((t) => (
              <TermRow key={t.term} t={t} onDone={done} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function TermRow(props: { t: Term; onDone: (message: string) => Promise<void> }) {
  const { t } = props;
  const edit = useSkillEdit();
  const [error, setError] = useState<string | null>(null);
  const [parent, setParent] = useState<SkillRef | null>(null);
  const run = async (work: () => Promise<string>) => {
    try {
      setError(null);
      await props.onDone(await work());
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const asAlias = (s: SkillRef) =>
    run(async () => {
      const summary = `Add alias “${t.term}” to ${s.label}`;
      const how = await edit({ addSkillAlias: { id: s.id, alias: t.term } }, summary, () =>
        gql(
          graphql(`
            mutation TermsAddAlias($id: ID!, $a: String!) {
              addSkillAlias(id: $id, alias: $a) {
                id
              }
            }
          `),
          { id: s.id, a: t.term },
        ),
      );
      return how === 'drafted' ? `${summary}: added to your draft change set.` : `${summary}: done.`;
    });
  const asSkill = () =>
    run(async () => {
      const input = { label: t.term, parentIds: parent ? [parent.id] : [] };
      const summary = `Create skill “${t.term}”${parent ? ` under ${parent.label}` : ''}`;
      const how = await edit({ createSkill: input }, summary, () =>
        gql(
          graphql(`
            mutation TermsCreateSkill($input: CreateSkillInput!) {
              createSkill(input: $input) {
                id
              }
            }
          `),
          { input },
        ),
      );
      return how === 'drafted' ? `${summary}: added to your draft change set.` : `${summary}: done.`;
    });
  const ignore = () =>
    run(async () => {
      await gql(
        graphql(`
          mutation TermsIgnore($t: String!) {
            ignoreUnmappedTerm(term: $t)
          }
        `),
        { t: t.term },
      );
      return `Ignored “${t.term}”.`;
    });
  return (
    <tr>
      <th scope="row">{t.term}</th>
      <td>
        {t.count}{' '}
        <small>
          ({t.jobs} jobs, {t.members} members)
        </small>
      </td>
      <td>
        <ul>
          {t.examples
            .filter((e) => e.snippet)
            .map((e) => (
              <li key={`${e.kind}/${e.id}`}>
                <small>{e.snippet}</small>
              </li>
            ))}
        </ul>
      </td>
      <td>
        <Search
          id={`alias-for-${slug(t.term)}`}
          label={`Add “${t.term}” as an alias of`}
          onChoose={(s) => void asAlias(s)}
        />
        <Search id={`parent-for-${slug(t.term)}`} label="New skill under" onChoose={setParent} />
        {parent && <small>under {parent.label} </small>}
        <button type="button" onClick={() => void asSkill()}>
          Create skill “{t.term}”
        </button>{' '}
        <button type="button" onClick={() => void ignore()}>
          Ignore
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');
