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
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
/** Messages of graphql-armor's limits (depth, cost, aliases, directives, tokens). */
const LIMIT_MESSAGE = /^Syntax Error: (Query depth limit|Query Cost limit|Aliases limit|Directives limit|Token limit)/i;

/** Apollo's formatError: maps store errors, limit errors and masks internals. */
export function makeFormatError(development: boolean, onInternal: (err: unknown) => void) {
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
    const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (LIMIT_MESSAGE.test(formatted.message)) {
      return {
        ...formatted,
        message: formatted.message.replace(/^Syntax Error: /, ''),
        extensions: { code: 'BAD_USER_INPUT', limit: true },
      };
    }
    if (CLIENT_CODES.has(code)) return formatted;
    onInternal(original);
    if (development) return formatted;
    return {
      message: 'Internal server error; the request id is in the server log.',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
