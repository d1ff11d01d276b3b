/**
 * Errors users can act on. Every error that reaches a client carries `extensions.code`;
 * anything unexpected becomes INTERNAL_SERVER_ERROR with its details masked outside development.
 */
import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError } from '../errors.ts';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'UNAVAILABLE'
  | 'BAD_REQUEST'
  | 'INTERNAL_SERVER_ERROR';

/** An error for the client: its message says what to fix. */
export function apiError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'UNAVAILABLE',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
/** Messages of graphql-armor's limits (depth, cost, aliases, directives, tokens). */
const LIMIT_MESSAGE = /^Syntax Error: (Query depth limit|Query Cost limit|Aliases limit|Directives limit|Token limit)/i;

/** A syntax error that is not one of the limits: the document did not parse. */
const SYNTAX = /^Syntax Error: /;

/** Whether an error (as Apollo hands it over) is unexpected: not a DomainError and without a client code. */
export function isInternal(error: unknown): boolean {
  const original = (error as { originalError?: unknown } | null)?.originalError ?? error;
  if (original instanceof DomainError) return false;
  const e = error as { message?: string; extensions?: { code?: unknown } } | null;
  if (e?.message && SYNTAX.test(e.message)) return false;
  return !CLIENT_CODES.has(String(e?.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
}

/**
 * Apollo's formatError: maps store errors, limit errors and syntax errors to their codes and masks internals
 * (they are logged with the request id by the HTTP layer, whose id the client also gets).
 */
export function makeFormatError(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Duck-typed: Apollo may hand us a GraphQLError from another copy of graphql (CJS vs ESM).
    const original = (error as { originalError?: unknown } | null)?.originalError ?? error;
    if (original instanceof DomainError) {
      return {
        ...formatted,
        message: original.message,
        extensions: { ...formatted.extensions, code: original.code, stacktrace: undefined },
      };
    }
    if (LIMIT_MESSAGE.test(formatted.message)) {
      return {
        ...formatted,
        message: formatted.message.replace(SYNTAX, ''),
        extensions: { code: 'BAD_USER_INPUT', limit: true },
      };
    }
    if (SYNTAX.test(formatted.message)) return { ...formatted, extensions: { code: 'GRAPHQL_PARSE_FAILED' } };
    if (!isInternal(error) || development) return formatted;
    return {
      message: 'Internal server error; the server log has the details under this request id.',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
