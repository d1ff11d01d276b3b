/**
 * How an operation runs once Apollo has parsed, validated and checked it (cost, depth, auth context): a
 * query is compiled by graphql-jit, once per parsed document, into a function that resolves its fields
 * without graphql-js's per-field interpretation (an explained matchJobs page walks ~400 fields: ~300 µs with
 * graphql-js, ~25 µs compiled; compiling it takes a few ms, paid by its first request); mutations, and anything
 * graphql-jit cannot compile, go through graphql-js's `execute`. One rule follows for resolvers: graphql-jit
 * reads a field without a resolver as it is, so objects a query returns hold values, never promises.
 * `SKILLGRAPH_GRAPHQL_EXECUTOR=graphql-js` turns the compiler off.
 *
 * Plugged in through Apollo's gateway interface — its one way to supply an executor; parsing, validation,
 * plugins, error formatting and HTTP stay Apollo's. Compiled queries are kept per parsed document, which
 * Apollo's document cache reuses for the same query text (and drops with it).
 */
import { createRequire } from 'node:module';
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import type { DocumentNode, ExecutionResult, GraphQLSchema } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import { annotate, traced } from '../telemetry.ts';

// graphql's CommonJS build, as Apollo loads it: a schema from another copy of graphql (its ESM build, which a
// bundler or test runner may pick for `import`) is refused as "from another module or realm".
const require = createRequire(import.meta.url);
const { GraphQLError, execute } = require('graphql') as typeof import('graphql');
const { makeExecutableSchema } = require('@graphql-tools/schema') as typeof import('@graphql-tools/schema');
const { compileQuery, isCompiledQuery } = require('graphql-jit') as typeof import('graphql-jit');

export type ExecutorKind = 'jit' | 'graphql-js';

/** Which way an operation ran. */
export type ExecutionPath = 'compiled' | 'interpreted';

/**
 * An executor over the schema: compiled queries when `kind` is 'jit', graphql-js's execute otherwise. `ran` hears
 * which way each operation went (the service counts them on /metrics).
 */
export function createExecutor(
  schema: GraphQLSchema,
  kind: ExecutorKind,
  ran: (path: ExecutionPath) => void = () => {},
): GatewayExecutor {
  // Per document, by operation name ('' for the only one); null where graphql-jit could not compile it.
  const plans = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  const compiledFor = (document: DocumentNode, operationName: string): CompiledQuery | null => {
    let plan = plans.get(document);
    if (!plan) plans.set(document, (plan = new Map()));
    let compiled = plan.get(operationName);
    if (compiled === undefined) {
      compiled = null;
      try {
        const made = compileQuery(schema, document, operationName || undefined);
        if (isCompiledQuery(made)) compiled = made;
      } catch {
        // Something graphql-jit does not support: graphql-js runs it, as it runs what compiles with errors.
      }
      plan.set(operationName, compiled);
    }
    return compiled;
  };
  const run: GatewayExecutor = async (rc) => {
    const variables = rc.request.variables ?? {};
    const interpreted = () => {
      ran('interpreted');
      annotate('skillgraph.executor', 'interpreted');
      return execute({
        schema,
        document: rc.document,
        contextValue: rc.context,
        variableValues: variables,
        operationName: rc.operationName,
      }) as Promise<ExecutionResult> | ExecutionResult;
    };
    if (kind === 'graphql-js' || rc.operation.operation !== 'query') return interpreted();
    const compiled = compiledFor(rc.document, rc.operationName ?? '');
    if (!compiled) return interpreted();
    ran('compiled');
    annotate('skillgraph.executor', 'compiled');
    const result = await compiled.query(undefined, rc.context, variables);
    // Variables it could not coerce: graphql-js words those errors as Apollo and clients expect (BAD_USER_INPUT).
    if (result.errors?.length && result.data === undefined) return interpreted();
    if (result.errors) result.errors = result.errors.map(asGraphQLError);
    return result as ExecutionResult;
  };
  return (rc) =>
    traced(
      'graphql.execute',
      { 'graphql.operation.type': rc.operation.operation, 'graphql.operation.name': rc.operationName ?? '' },
      () => run(rc),
    );
}

/**
 * graphql-jit's error as graphql-js's own (a read-only message, no `nodes`): Apollo's plugins (graphql-armor
 * rewrites messages) and error formatting expect the latter.
 */
function asGraphQLError(e: import('graphql').GraphQLError): import('graphql').GraphQLError {
  const error = new GraphQLError(e.message, { path: e.path, originalError: e.originalError, extensions: e.extensions });
  (error as { locations?: unknown }).locations = e.locations;
  return error;
}

/** Apollo's gateway: the executable schema (type definitions and resolvers) and the executor over it. */
export function executorGateway(
  typeDefs: string,
  resolvers: Record<string, Record<string, unknown>>,
  kind: ExecutorKind,
  ran?: (path: ExecutionPath) => void,
): GatewayInterface {
  const schema = makeExecutableSchema({ typeDefs, resolvers });
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: typeDefs });
      return () => {};
    },
    load: async () => ({ executor: createExecutor(schema, kind, ran) }),
    stop: async () => {},
  };
}
