/**
 * What Apollo serves: schema/*.graphql and the resolvers, each resolver guarded by the rules the
 * schema states, so no resolver can forget one:
 * - every argument of type ID (directly, in lists, inside input objects) follows src/ids.ts;
 * - a list field with @listSize returns at most its slicing argument (checked to be 0..max) or max;
 * - a request stops at its deadline, and long executions let other requests' I/O run now and then.
 * The resolver map is wrapped rather than the schema, since Apollo builds the schema with its own
 * copy of graphql (CJS) and a schema object built here (ESM) would be from "another realm".
 */
import { ROOT } from '../paths.ts';
import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  defaultFieldResolver,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  GraphQLID,
} from 'graphql';
import type {
  GraphQLArgument,
  GraphQLField,
  GraphQLFieldResolver,
  GraphQLInputType,
  GraphQLSchema,
  GraphQLType,
} from 'graphql';
import { checkId } from '../ids.ts';
import { log } from '../log.ts';
import { traced, tracing } from '../telemetry.ts';
import { apiError } from './errors.ts';
import { resolvers } from './resolvers.ts';

const root = ROOT;

function loadTypeDefs(): string {
  const dir = path.join(root, 'schema');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}

type ResolverMap = Record<string, Record<string, unknown>>;

/** What a request's guards track: when it must stop, and the time slice it is in. */
export interface RequestBudget {
  deadline: number;
  deadlineMs: number;
  /** A query: past the deadline it is answered with an error and its resolvers stop (see src/api/http.ts). */
  stoppable: boolean;
  /** Set once the deadline answer was sent: every resolver still to run is frozen. */
  expired: boolean;
  /** When the current time slice began (performance.now()), and the next turn's gate once it is used up. */
  sliceStart: number;
  gate: Promise<void> | null;
}

/** The longest a request's resolvers run before letting the event loop turn (so /healthz and others answer). */
const SLICE_MS = 10;

export interface ApiSchema {
  typeDefs: string;
  resolvers: ResolverMap;
  /** The same type definitions as a schema of this module's graphql (for the cost estimate). */
  schema: GraphQLSchema;
}

/** The type definitions and the guarded resolvers. */
export function apiSchema(): ApiSchema {
  const typeDefs = loadTypeDefs();
  const schema = buildSchema(typeDefs);
  checkListsAreSized(schema);
  return { typeDefs, schema, resolvers: guardResolvers(schema, resolvers as unknown as ResolverMap) };
}

/** A field's @listSize, if it has one. */
export function listSize(field: GraphQLField<unknown, unknown>): { max: number; slicingArgument?: string } | null {
  const d = field.astNode?.directives?.find((x) => x.name.value === 'listSize');
  if (!d) return null;
  const arg = (name: string) => d.arguments?.find((a) => a.name.value === name)?.value;
  const max = arg('max');
  const slicing = arg('slicingArgument');
  return {
    max: max?.kind === 'IntValue' ? Number(max.value) : 0,
    slicingArgument: slicing?.kind === 'StringValue' ? slicing.value : undefined,
  };
}

/** A field's @cost weight (0 without one). */
export function costWeight(field: GraphQLField<unknown, unknown>): number {
  const d = field.astNode?.directives?.find((x) => x.name.value === 'cost');
  const w = d?.arguments?.find((a) => a.name.value === 'weight')?.value;
  return w?.kind === 'IntValue' ? Number(w.value) : 0;
}

/** Connections (…Connection types) are sized by `first`; `edges` inside them by their parent. */
export function isConnection(type: GraphQLType): boolean {
  return getNamedType(type).name.endsWith('Connection');
}

function isList(type: GraphQLType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** Every list the API returns has a known bound, or the cost limit would be guesswork: start-up fails otherwise. */
function checkListsAreSized(schema: GraphQLSchema): void {
  const unsized: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isList(field.type) || listSize(field)) continue;
      if (isConnection(type) && field.name === 'edges') continue;
      unsized.push(`${type.name}.${field.name}`);
    }
  }
  if (unsized.length) throw new Error(`schema: list fields without @listSize: ${unsized.join(', ')}`);
}

/** Whether a value of this input type can hold an ID anywhere. */
function holdsId(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named.name === GraphQLID.name) return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => holdsId(f.type, seen));
}

/** Throws BAD_USER_INPUT naming the argument path of the first invalid id in `value`. */
function checkIds(value: unknown, type: GraphQLInputType, at: string): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return checkIds(value, type.ofType, at);
  if (isListType(type)) {
    (value as unknown[]).forEach((item, i) => checkIds(item, type.ofType, `${at}[${i}]`));
    return;
  }
  if (getNamedType(type).name === GraphQLID.name) {
    checkId(value, at);
    return;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [name, v] of Object.entries(value as Record<string, unknown>))
      if (fields[name]) checkIds(v, fields[name].type, `${at}.${name}`);
  }
}

/** At most `limit` items of a list result (sync or async); a longer list than the schema promises is logged. */
function capList(result: unknown, limit: number, where: string, promised: boolean): unknown {
  if (result instanceof Promise) return result.then((r) => capList(r, limit, where, promised));
  if (!Array.isArray(result) || result.length <= limit) return result;
  if (promised) log('warn', 'a list exceeded its @listSize and was cut', { field: where, size: result.length, limit });
  return result.slice(0, limit);
}

function guardResolvers(schema: GraphQLSchema, map: ResolverMap): ResolverMap {
  const out: ResolverMap = { ...map };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const own = out[type.name]?.[field.name] as GraphQLFieldResolver<unknown, unknown> | undefined;
      const idArgs = field.args.filter((a) => holdsId(a.type));
      const size = listSize(field);
      // Plain property reads need no guard; resolvers that do work, take ids or return lists do.
      if (!own && idArgs.length === 0 && !size) continue;
      const root = type.name === 'Query' || type.name === 'Mutation';
      out[type.name] = {
        ...out[type.name],
        [field.name]: guard(`${type.name}.${field.name}`, own, idArgs, size, root),
      };
    }
  }
  return out;
}

function guard(
  where: string,
  own: GraphQLFieldResolver<unknown, unknown> | undefined,
  idArgs: GraphQLArgument[],
  size: { max: number; slicingArgument?: string } | null,
  /** A root field (Query.*, Mutation.*): a span of its own when tracing (src/telemetry.ts). */
  root = false,
): GraphQLFieldResolver<unknown, { budget?: RequestBudget }> {
  const resolve = own ?? defaultFieldResolver;
  const run: GraphQLFieldResolver<unknown, { budget?: RequestBudget }> = (source, args, ctx, info) => {
    const budget = ctx.budget;
    // A stopped query's answer is sent: its remaining resolvers wait forever (and are collected with it),
    // so no work and no error storm follow the deadline.
    if (budget?.expired) return new Promise(() => {});
    if (budget && Date.now() > budget.deadline && !budget.stoppable)
      throw apiError(
        'UNAVAILABLE',
        `The mutation ran past its ${budget.deadlineMs} ms deadline; what it had written stays, the rest was not run.`,
        { deadlineMs: budget.deadlineMs },
      );
    for (const arg of idArgs) checkIds(args[arg.name], arg.type, arg.name);
    let limit = size?.max ?? Infinity;
    if (size?.slicingArgument) {
      const n = args[size.slicingArgument];
      if (!Number.isInteger(n) || (n as number) < 0 || (n as number) > size.max)
        throw apiError(
          'BAD_USER_INPUT',
          `${where.split('.')[1]}(${size.slicingArgument}:) must be an integer from 0 to ${size.max}, got ${n}.`,
        );
      limit = n as number;
    }
    const result = resolve(source, args, ctx, info);
    return size ? capList(result, limit, where, !size.slicingArgument) : result;
  };
  const guarded: GraphQLFieldResolver<unknown, { budget?: RequestBudget }> = (source, args, ctx, info) => {
    const budget = ctx.budget;
    if (budget) {
      // Time-sliced: after SLICE_MS of work every resolver waits for the next turn of the event loop, so a
      // large query shares the process with /healthz and other requests instead of holding it.
      if (!budget.gate && performance.now() - budget.sliceStart > SLICE_MS)
        budget.gate = new Promise<void>((resolve) =>
          setImmediate(() => {
            budget.gate = null;
            budget.sliceStart = performance.now();
            resolve();
          }),
        );
      if (budget.gate) return budget.gate.then(() => guarded(source, args, ctx, info));
    }
    try {
      if (root && tracing())
        return traced(`graphql.resolve ${where}`, { 'graphql.field.path': where }, () => run(source, args, ctx, info));
      return run(source, args, ctx, info);
    } catch (err) {
      // Failures are rejections, never synchronous throws: graphql-js 16 abandons the earlier items' promises of
      // a list whose item throws synchronously, and their later rejections would go unhandled.
      return Promise.reject(err);
    }
  };
  return guarded;
}
