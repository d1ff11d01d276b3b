/**
 * Editing a skill's place in the taxonomy (editors): its parents (a cycle is refused with the cycle named),
 * its related links, and merging it into another skill (with a preview of what moves) or deprecating it.
 */
import { useState } from 'react';
import { gql } from './api.ts';
import { graphql } from './graphql/index.ts';
import type { RelationType, TypedDocumentString } from './graphql/graphql.ts';
import { Search } from './Search.tsx';
import { SkillLink } from './SkillLink.tsx';
import type { SkillDetail, SkillRef } from './types.ts';
import { useSkillEdit } from './session.ts';
import type { SkillEditInput } from './graphql/graphql.ts';

const RELATION_TYPES = ['SIMILAR', 'COMPLEMENTARY', 'PREREQUISITE', 'ESSENTIAL_FOR', 'OPTIONAL_FOR'] as const;

export function SkillStructure(props: {
  skill: SkillDetail;
  onChanged: () => Promise<void>;
  onDrafted: (notice: string) => void;
}) {
  const { skill } = props;
  const [error, setError] = useState<string | null>(null);
  const edit = useSkillEdit();
  /** One structural edit: straight in (then reload) or into the draft change set. */
  const run = async <V,>(
    as: { edit: SkillEditInput; summary: string },
    query: TypedDocumentString<unknown, V>,
    variables: V,
  ) => {
    try {
      const done = await edit(as.edit, as.summary, () => gql(query, variables));
      setError(null);
      if (done === 'drafted') props.onDrafted(`${as.summary}: added to your draft change set.`);
      else await props.onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const setParents = (ids: string[], summary: string) =>
    run(
      { edit: { setSkillParents: { id: skill.id, parentIds: ids } }, summary },
      graphql(`
        mutation StructureSetParents($id: ID!, $p: [ID!]!) {
          setSkillParents(id: $id, parentIds: $p) {
            id
          }
        }
      `),
      { id: skill.id, p: ids },
    );
  const [relType, setRelType] = useState<RelationType>('SIMILAR');

  return (
    <section aria-labelledby="structure" className="structure">
      <h2 id="structure">Edit its place in the taxonomy</h2>
      {error && (
        <p className="error" role="alert" data-testid="structure-error">
          {error}
        </p>
      )}
      <div className="grid">
        <div>
          <h3>Parents</h3>
          <ul>
            {skill.parents.map((p) => (
              <li key={p.id}>
                <SkillLink s={p} />{' '}
                <button
                  type="button"
                  onClick={() =>
                    void setParents(
                      skill.parents.filter((x) => x.id !== p.id).map((x) => x.id),
                      `Remove parent ${p.label} from ${skill.label}`,
                    )
                  }
                >
                  Remove parent {p.label}
                </button>
              </li>
            ))}
          </ul>
          <Search
            id="add-parent"
            label="Add a parent"
            onChoose={(s) =>
              void setParents([...skill.parents.map((x) => x.id), s.id], `Add parent ${s.label} to ${skill.label}`)
            }
          />
        </div>
        <div>
          <h3>Related</h3>
          <ul>
            {skill.related.map((r) => (
              <li key={r.skill.id}>
                <SkillLink s={r.skill} /> <small>{r.type.toLowerCase()}</small>{' '}
                <button
                  type="button"
                  onClick={() =>
                    void run(
                      {
                        edit: { unrelateSkills: { fromId: skill.id, toId: r.skill.id } },
                        summary: `Unrelate ${skill.label} and ${r.skill.label}`,
                      },
                      graphql(`
                        mutation StructureUnrelate($a: ID!, $b: ID!) {
                          unrelateSkills(fromId: $a, toId: $b) {
                            id
                          }
                        }
                      `),
                      {
                        a: skill.id,
                        b: r.skill.id,
                      },
                    )
                  }
                >
                  Unrelate {r.skill.label}
                </button>
              </li>
            ))}
          </ul>
          <label htmlFor="relation-type">Relation type</label>{' '}
          <select id="relation-type" value={relType} onChange={(e) => setRelType(e.target.value as RelationType)}>
            {RELATION_TYPES.map((t) => (
              <option key={t} value={t}>
                {t.toLowerCase().replace('_', ' ')}
              </option>
            ))}
          </select>
          <Search
            id="add-related"
            label="Relate to"
            onChoose={(s) =>
              void run(
                {
                  edit: { relateSkills: { fromId: skill.id, toId: s.id, type: relType } },
                  summary: `Relate ${skill.label} to ${s.label} (${relType.toLowerCase().replace('_', ' ')})`,
                },
                graphql(`
                  mutation StructureRelate($a: ID!, $b: ID!, $t: RelationType!) {
                    relateSkills(fromId: $a, toId: $b, type: $t) {
                      id
                    }
                  }
                `),
                {
                  a: skill.id,
                  b: s.id,
                  t: relType,
                },
              )
            }
          />
        </div>
        {skill.status !== 'DEPRECATED' && (
          <MergeOrDeprecate skill={skill} onError={setError} onDrafted={props.onDrafted} />
        )}
      </div>
    </section>
  );
}

interface Preview {
  target: SkillRef & { aliases: string[] };
  children: number;
  related: number;
  occupations: number;
  usage: { jobs: number; members: number } | null;
}

/** Merge into another skill after a preview of what moves, or deprecate (optionally pointing at a replacement). */
function MergeOrDeprecate(props: {
  skill: SkillDetail;
  onError: (m: string | null) => void;
  onDrafted: (notice: string) => void;
}) {
  const { skill } = props;
  const edit = useSkillEdit();
  const [preview, setPreview] = useState<Preview | null>(null);
  const choose = async (s: SkillRef) => {
    const d = await gql(
      graphql(`
        query SkillStructureSkill($id: ID!) {
          skill(id: $id) {
            id
            label
            aliases
          }
        }
      `),
      { id: s.id },
    );
    if (!d.skill) {
      props.onError(`Skill "${s.id}" was removed meanwhile.`);
      return;
    }
    setPreview({
      target: d.skill,
      children: skill.children.length,
      related: skill.related.length,
      occupations: skill.occupations.length,
      usage: skill.usage ?? null,
    });
  };
  const act = async <V,>(
    as: { edit: SkillEditInput; summary: string },
    query: TypedDocumentString<unknown, V>,
    variables: V,
    go: string,
  ) => {
    try {
      const done = await edit(as.edit, as.summary, () => gql(query, variables));
      props.onError(null);
      setPreview(null);
      if (done === 'drafted') props.onDrafted(`${as.summary}: added to your draft change set.`);
      else location.hash = `#/skill/${encodeURIComponent(go)}`;
    } catch (e) {
      props.onError((e as Error).message);
    }
  };
  return (
    <div>
      <h3>Merge or deprecate</h3>
      <Search id="merge-into" label="Merge into" onChoose={(s) => void choose(s)} />
      {preview && (
        <div className="conflict" data-testid="merge-preview">
          <p>
            Merging <strong>{skill.label}</strong> into <strong>{preview.target.label}</strong> moves:
          </p>
          <ul>
            <li>
              its label and {skill.aliases.length} aliases, which become aliases of {preview.target.label}
            </li>
            <li>
              {skill.parents.length} parents, {preview.children} children, {preview.related} related links
            </li>
            <li>{preview.occupations} occupations that need it</li>
            {preview.usage && (
              <li>
                {preview.usage.jobs} jobs and {preview.usage.members} members that carry it
              </li>
            )}
          </ul>
          <p>
            {skill.label} becomes deprecated, replaced by {preview.target.label}.
          </p>
          <button
            type="button"
            onClick={() =>
              void act(
                {
                  edit: { mergeSkills: { sourceId: skill.id, targetId: preview.target.id } },
                  summary: `Merge ${skill.label} into ${preview.target.label}`,
                },
                graphql(`
                  mutation StructureMerge($s: ID!, $t: ID!) {
                    mergeSkills(sourceId: $s, targetId: $t) {
                      id
                    }
                  }
                `),
                { s: skill.id, t: preview.target.id },
                preview.target.id,
              )
            }
          >
            Merge into {preview.target.label}
          </button>
          <button type="button" onClick={() => setPreview(null)}>
            Cancel
          </button>
        </div>
      )}
      <p>
        <button
          type="button"
          onClick={() =>
            void act(
              { edit: { deprecateSkill: { id: skill.id } }, summary: `Deprecate ${skill.label}` },
              graphql(`
                mutation StructureDeprecate($id: ID!) {
                  deprecateSkill(id: $id) {
                    id
                  }
                }
              `),
              { id: skill.id },
              skill.id,
            )
          }
        >
          Deprecate {skill.label}
        </button>
      </p>
    </div>
  );
}
