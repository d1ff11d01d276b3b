/** The one way the workbench talks to the service: POST /graphql with the signed-in key, errors with their code. */
import type { TypedDocumentString } from './graphql/graphql.ts';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const KEY = 'skillgraph.apiKey';

/** The API key lives in this browser tab's session only. */
export const session = {
  get key(): string | null {
    return sessionStorage.getItem(KEY);
  },
  set key(k: string | null) {
    if (k) sessionStorage.setItem(KEY, k);
    else sessionStorage.removeItem(KEY);
  },
};

/** Runs one of the operations typed from the schema (graphql(`…`), generated into ./graphql by npm run codegen). */
export async function gql<T, V>(
  query: TypedDocumentString<T, V>,
  variables?: V,
  key: string | null = session.key,
): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await fetch('/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: query.toString(), variables: variables ?? {} }),
  });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (body.errors?.length) {
    const e = body.errors[0];
    throw new ApiError(e.message, e.extensions?.code ?? 'ERROR');
  }
  return body.data as T;
}
