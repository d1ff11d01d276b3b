/**
 * Who is signed in and how they edit: the role, the least role that edits the taxonomy directly (the service's
 * SKILLGRAPH_DIRECT_EDITS), and whether skill edits go straight in or are collected into a draft change set —
 * always for editors below that role, by choice for the others. The draft lives in this tab's session storage
 * until it is proposed.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Role, SkillEditInput } from './graphql/graphql.ts';

const RANK: Record<Role, number> = { ANONYMOUS: 0, READER: 1, EDITOR: 2, REVIEWER: 3, ADMIN: 4 };

export const atLeast = (role: Role, min: Role) => RANK[role] >= RANK[min];
export const canEdit = (role: Role) => atLeast(role, 'EDITOR');

export interface Session {
  role: Role;
  /** role:key-id, as change sets name their proposer. */
  actor: string | null;
  directEdits: Role;
  /** Skill edits go into the draft change set instead of straight in. */
  collecting: boolean;
  setCollecting(on: boolean): void;
}

export const SessionContext = createContext<Session>({
  role: 'ANONYMOUS',
  actor: null,
  directEdits: 'EDITOR',
  collecting: false,
  setCollecting: () => undefined,
});

export const useSession = () => useContext(SessionContext);

/** Whether this session may edit occupations and accept suggestions (no change sets for those). */
export const editsDirectly = (s: Session) => canEdit(s.role) && atLeast(s.role, s.directEdits);

export interface DraftEdit {
  edit: SkillEditInput;
  /** What it does, in words, for the draft's list. */
  summary: string;
}

const DRAFT = 'skillgraph.draft';
const listeners = new Set<() => void>();
let cached: { raw: string | null; edits: DraftEdit[] } = { raw: null, edits: [] };

function read(): DraftEdit[] {
  const raw = sessionStorage.getItem(DRAFT);
  if (raw !== cached.raw) cached = { raw, edits: raw ? (JSON.parse(raw) as DraftEdit[]) : [] };
  return cached.edits;
}

function write(edits: DraftEdit[]): void {
  if (edits.length) sessionStorage.setItem(DRAFT, JSON.stringify(edits));
  else sessionStorage.removeItem(DRAFT);
  for (const l of listeners) l();
}

export const draft = {
  edits: read,
  add: (e: DraftEdit) => write([...read(), e]),
  remove: (i: number) => write(read().filter((_, j) => j !== i)),
  clear: () => write([]),
};

export function useDraft(): DraftEdit[] {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, read);
}

/**
 * Runs a skill edit the session's way: into the draft change set (returns 'drafted') or straight in through
 * `direct` (returns 'applied').
 */
export function useSkillEdit() {
  const session = useSession();
  return async (edit: SkillEditInput, summary: string, direct: () => Promise<unknown>) => {
    if (session.collecting) {
      draft.add({ edit, summary });
      return 'drafted' as const;
    }
    await direct();
    return 'applied' as const;
  };
}
