/** Active skills no job or member uses (unusedSkills), by domain: candidates to merge or deprecate. */
import { useEffect, useState } from 'react';
import { gql } from './api.ts';
import { graphql } from './graphql/index.ts';
import type { CurationUnusedSkillsQuery } from './graphql/graphql.ts';
import { SkillLink } from './SkillLink.tsx';

const UNUSED = graphql(`
  query CurationUnusedSkills {
    unusedSkills(first: 200) {
      total
      active
      skills {
        id
        label
      }
    }
  }
`);

export function UnusedSkills() {
  const [report, setReport] = useState<CurationUnusedSkillsQuery['unusedSkills'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    gql(UNUSED).then(
      (d) => setReport(d.unusedSkills),
      (e: Error) => setError(e.message),
    );
  }, []);
  return (
    <section aria-labelledby="unused">
      <h2 id="unused">Skills no job or member uses</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {report === null ? (
        <p aria-busy="true">Loading…</p>
      ) : (
        <>
          <p className="muted" data-testid="unused-count">
            {report.total} of {report.active} active skills: nothing asks for them or anything narrower.
            {report.total > report.skills.length && ` The first ${report.skills.length}, by domain:`}
          </p>
          <ul className="chips" data-testid="unused-skills">
            {report.skills.map((s) => (
              <li key={s.id}>
                <SkillLink s={s} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
