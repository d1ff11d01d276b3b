/**
 * The taxonomy workbench: sign in with an API key (kept for this tab only), browse the hierarchy from its roots,
 * search with autocomplete, open a skill. Routes live in the hash (#/skill/<id>) so links and the back button
 * work without server routes. Everything goes through the public GraphQL API with the signed-in key.
 */
import { useCallback, useEffect, useState } from 'react';
import { gql, session } from './api.ts';
import { graphql } from './graphql/index.ts';
import type { Role } from './types.ts';
import { Search } from './Search.tsx';
import { SkillPage } from './SkillPage.tsx';
import { OCCUPATION_TREE, SKILL_TREE, Tree } from './Tree.tsx';
import { OccupationPage } from './OccupationPage.tsx';
import { CurationPage } from './CurationPage.tsx';
import { ReleasesPage } from './ReleasesPage.tsx';

interface Route {
  skillId: string | null;
  occupationId: string | null;
  curation: boolean;
  releases: boolean;
}

function routeOf(hash: string): Route {
  const skill = /^#\/skill\/(.+)$/.exec(hash);
  const occupation = /^#\/occupation\/(.+)$/.exec(hash);
  return {
    skillId: skill ? decodeURIComponent(skill[1]) : null,
    occupationId: occupation ? decodeURIComponent(occupation[1]) : null,
    curation: hash === '#/curation',
    releases: hash === '#/releases',
  };
}

export function openSkill(id: string): void {
  location.hash = `#/skill/${encodeURIComponent(id)}`;
}

export function App() {
  const [route, setRoute] = useState(() => routeOf(location.hash));
  const [tree, setTree] = useState<'skills' | 'occupations'>(() => (route.occupationId ? 'occupations' : 'skills'));
  const [role, setRole] = useState<Role>('ANONYMOUS');
  const [signInError, setSignInError] = useState<string | null>(null);

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
            }
          }
        `),
        {},
        key,
      );
      session.key = key;
      setRole(viewer.role);
      setSignInError(null);
    } catch (err) {
      session.key = null;
      setRole('ANONYMOUS');
      setSignInError((err as Error).message);
    }
  }, []);

  useEffect(() => {
    void signIn(session.key);
  }, [signIn]);

  return (
    <div className="app">
      <header className="top">
        <a className="brand" href="#/">
          skillgraph <span>taxonomy workbench</span>
        </a>
        <Search />
        <a href="#/releases">Releases</a>
        {(role === 'EDITOR' || role === 'ADMIN') && <a href="#/curation">Curation</a>}
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
          ) : route.curation && (role === 'EDITOR' || role === 'ADMIN') ? (
            <CurationPage />
          ) : route.occupationId ? (
            <OccupationPage key={route.occupationId} id={route.occupationId} role={role} />
          ) : (
            <Welcome role={role} />
          )}
        </main>
      </div>
    </div>
  );
}

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
      : 'You can browse, search and edit the taxonomy.';
  return (
    <section aria-labelledby="welcome">
      <h1 id="welcome">Skills taxonomy</h1>
      <p>{can}</p>
      <p>Pick a domain in the hierarchy, or search (press / to jump to the search box).</p>
    </section>
  );
}
