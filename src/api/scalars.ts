/**
 * The API's own scalars. DateTime is checked on the way in (src/dates.ts: 2024-02-30 is refused, a date alone
 * means its midnight UTC) and always answered as an ISO-8601 UTC string; JSON passes any JSON value.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import type { ValueNode } from 'graphql';
import { dateProblem } from '../dates.ts';

function parseDateTime(value: unknown): string {
  const problem = dateProblem(value, { dateTime: true });
  if (problem) throw new GraphQLError(`DateTime ${problem}.`, { extensions: { code: 'BAD_USER_INPUT' } });
  const text = (value as string).trim();
  // A date-time without a zone is read as UTC (as the date-only form is), not as the server's local time.
  const zoned = /T|\s/.test(text) && !/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? `${text}Z` : text;
  return new Date(zoned).toISOString();
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description:
    'An ISO-8601 date-time, answered in UTC (2026-01-31T12:00:00.000Z); a date alone means its midnight UTC.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: parseDateTime,
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('DateTime must be a string such as "2026-01-31T12:00:00Z".', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    return parseDateTime(ast.value);
  },
});

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value (history snapshots).',
  serialize: (value) => value,
  parseValue: (value) => value,
});
