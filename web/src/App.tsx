/**
 * The taxonomy workbench: sign in with an API key (kept for this tab only), browse the hierarchy from its roots,
 * search with autocomplete, open a skill. Routes live in the hash (#/skill/<id>) so links and the back button
 * work without server routes. Everything goes through the public GraphQL API with the signed-in key.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { gql, session } from './api.ts';
import { graphql } from './graphql/index.ts';
import type { Role } from './types.ts';
import { Search } from './Search.tsx';
import { SkillPage } from './SkillPage.tsx';
import { OCCUPATION_TREE, SKILL_TREE, Tree } from './Tree.tsx';
import { OccupationPage } from './OccupationPage.tsx';
import { CurationPage } from './CurationPage.tsx';
import { ReleasesPage } from './ReleasesPage.tsx';
import { ChangeSetPage, ChangeSetsPage } from './ChangeSetsPage.tsx';
import { SessionContext, atLeast, canEdit, useDraft } from './session.ts';
import type { Session } from './session.ts';

interface Route {
  skillId: string | null;
  occupationId: string | null;
  curation: boolean;
  releases: boolean;
  changeSets: boolean;
  changeSetId: string | null;
}

function routeOf(hash: string): Route {
  const skill = /^#\/skill\/(.+)$/.exec(hash);
  const occupation = /^#\/occupation\/(.+)$/.exec(hash);
  const changeSet = /^#\/changes\/(.+)$/.exec(hash);
  return {
    skillId: skill ? decodeURIComponent(skill[1]) : null,
    occupationId: occupation ? decodeURIComponent(occupation[1]) : null,
    curation: hash === '#/curation',
    releases: hash === '#/releases',
    changeSets: hash === '#/changes',
    changeSetId: changeSet ? decodeURIComponent(changeSet[1]) : null,
  };
}

export function openSkill(id: string): void {
  location.hash = `#/skill/${encodeURIComponent(id)}`;
}

export function App() {
  const [route, setRoute] = useState(() => routeOf(location.hash));
  const [tree, setTree] = useState<'skills' | 'occupations'>(() => (route.occupationId ? 'occupations' : 'skills'));
  const [role, setRole] = useState<Role>('ANONYMOUS');
  const [actor, setActor] = useState<string | null>(null);
  const [directEdits, setDirectEdits] = useState<Role>('EDITOR');
  const [collectChoice, setCollectChoice] = useState(() => sessionStorage.getItem(COLLECT) === 'yes');
  const [signInError, setSignInError] = useState<string | null>(null);
  const drafted = useDraft().length;
  const editing = useMemo<Session>(
    () => ({
      role,
      actor,
      directEdits,
      // Editors below the direct-edit role always collect; the others choose.
      collecting: canEdit(role) && (!atLeast(role, directEdits) || collectChoice),
      setCollecting: (on: boolean) => {
        sessionStorage.setItem(COLLECT, on ? 'yes' : 'no');
        setCollectChoice(on);
      },
    }),
    [role, actor, directEdits, collectChoice],
  );

  useEffect(() => {
    const onHash = () => setRoute(routeOf(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const signIn = useCallback(async (key: string | null) => {
    try {
      const { viewer } = await gql(
        graphql(`
          query AppViewer {
            viewer {
              role
              actor
              directEdits
            }
          }
        `),
        {},
        key,
      );
      session.key = key;
      setRole(viewer.role);
      setActor(viewer.actor ?? null);
      setDirectEdits(viewer.directEdits);
      setSignInError(null);
    } catch (err) {
      session.key = null;
      setRole('ANONYMOUS');
      setActor(null);
      setSignInError((err as Error).message);
    }
  }, []);

  useEffect(() => {
    void signIn(session.key);
  }, [signIn]);

  return (
    <SessionContext.Provider value={editing}>
      <div className="app">
        <header className="top">
          <a className="brand" href="#/">
            skillgraph <span>taxonomy workbench</span>
          </a>
          <Search />
          <a href="#/releases">Releases</a>
          {canEdit(role) && <a href="#/curation">Curation</a>}
          {canEdit(role) && (
            <a href="#/changes" data-testid="changes-link">
              Change sets{drafted > 0 && <span className="badge">{drafted} drafted</span>}
            </a>
          )}
          {canEdit(role) &&
            (atLeast(role, directEdits) ? (
              <button
                type="button"
                aria-pressed={editing.collecting}
                onClick={() => editing.setCollecting(!editing.collecting)}
                title="Skill edits go into a draft change set for review instead of straight in"
              >
                Collect edits for review
              </button>
            ) : (
              <span className="badge" title={`Direct edits need role ${directEdits.toLowerCase()}`}>
                edits are proposed for review
              </span>
            ))}
          <SignIn role={role} error={signInError} onSignIn={signIn} />
        </header>
        <div className="body">
          <nav className="side" aria-label="Hierarchies">
            <div className="tabs" role="group" aria-label="Which hierarchy">
              <button type="button" aria-pressed={tree === 'skills'} onClick={() => setTree('skills')}>
                Skills
              </button>
              <button type="button" aria-pressed={tree === 'occupations'} onClick={() => setTree('occupations')}>
                Occupations
              </button>
            </div>
            {tree === 'skills' ? (
              <Tree key="skills" kind={SKILL_TREE} selected={route.skillId} />
            ) : (
              <Tree key="occupations" kind={OCCUPATION_TREE} selected={route.occupationId} />
            )}
          </nav>
          <main className="main" id="main">
            {route.skillId ? (
              <SkillPage key={route.skillId} id={route.skillId} role={role} />
            ) : route.releases ? (
              <ReleasesPage role={role} />
            ) : route.curation && canEdit(role) ? (
              <CurationPage />
            ) : route.changeSets && canEdit(role) ? (
              <ChangeSetsPage />
            ) : route.changeSetId && canEdit(role) ? (
              <ChangeSetPage key={route.changeSetId} id={route.changeSetId} />
            ) : route.occupationId ? (
              <OccupationPage key={route.occupationId} id={route.occupationId} role={role} />
            ) : (
              <Welcome role={role} />
            )}
          </main>
        </div>
      </div>
    </SessionContext.Provider>
  );
}

const COLLECT = 'skillgraph.collectEdits';

function SignIn(props: { role: Role; error: string | null; onSignIn: (key: string | null) => void }) {
  const [key, setKey] = useState('');
  if (props.role !== 'ANONYMOUS')
    return (
      <div className="signin">
        <span className="badge" data-testid="role">
          {props.role.toLowerCase()}
        </span>
        <button type="button" onClick={() => props.onSignIn(null)}>
          Sign out
        </button>
      </div>
    );
  return (
    <form
      className="signin"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSignIn(key.trim() || null);
        setKey('');
      }}
    >
      <label htmlFor="api-key">API key</label>
      <input
        id="api-key"
        type="password"
        autoComplete="off"
        value={key}
        placeholder="paste a key"
        onChange={(e) => setKey(e.target.value)}
      />
      <button type="submit">Sign in</button>
      {props.error && (
        <span className="error" role="alert">
          {props.error}
        </span>
      )}
    </form>
  );
}

function Welcome(props: { role: Role }) {
  const can =
    props.role === 'ANONYMOUS' || props.role === 'READER'
      ? 'You can browse and search the taxonomy. Sign in with an editor key to edit it.'
      : 'You can browse, search and edit the taxonomy; reviewed edits go through change sets.';
  return (
    <section aria-labelledby="welcome">
      <h1 id="welcome">Skills taxonomy</h1>
      <p>{can}</p>
      <p>Pick a domain in the hierarchy, or search (press / to jump to the search box).</p>
    </section>
  );
}
