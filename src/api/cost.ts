/**
 * The query-cost estimate: an upper bound on the fields a request can resolve, computed before it
 * runs from the operation, its variables and the schema's list bounds. Every field counts 1 (plus
 * its @cost weight); a list multiplies what is selected inside it by its size — a connection's
 * `first`, a @listSize field's slicing argument or its max. Arguments passed as variables count
 * like literals, and defaults apply when an argument is left out. A connection without a `first`
 * of its own (JobSearch.matches) takes its parent field's. Introspection fields count 1 each.
 *
 * The estimate is remembered per operation (the parsed document a server keeps for a query it has seen)
 * and the values of the variables it read, so a repeated query is not walked again.
 */
import { getNamedType, isObjectType, isInterfaceType, valueFromASTUntyped } from 'graphql';
import type {
  DocumentNode,
  FieldNode,
  ValueNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { MAX_PAGE_SIZE } from './connection.ts';
import { costWeight, isConnection, listSize } from './schema.ts';

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Names of the variables the estimate read (those its value depends on). */
  read: Set<string>;
}

/** Adds the names of the variables in `value` to `into`. */
function variablesIn(value: ValueNode, into: Set<string>): void {
  if (value.kind === 'Variable') into.add(value.name.value);
  else if (value.kind === 'ListValue') for (const v of value.values) variablesIn(v, into);
  else if (value.kind === 'ObjectValue') for (const f of value.fields) variablesIn(f.value, into);
}

function argument(field: GraphQLField<unknown, unknown>, node: FieldNode, name: string, w: Walk): unknown {
  const given = node.arguments?.find((a) => a.name.value === name);
  if (given) {
    variablesIn(given.value, w.read);
    return valueFromASTUntyped(given.value, w.variables);
  }
  return field.args.find((a) => a.name === name)?.defaultValue;
}

/** A size from a client-supplied number: within 0..max, and max when absent or not a number. */
function clamp(value: unknown, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.min(value, max)) : max;
}

function fieldsOf(type: GraphQLNamedType): Record<string, GraphQLField<unknown, unknown>> {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
}

/** Cost of a selection set on `type`; `edgesSize` sizes an `edges` list (inside a connection). */
function selectionCost(
  set: SelectionSetNode,
  type: GraphQLNamedType,
  w: Walk,
  sizes: { edges: number; first: number | null },
): number {
  let total = 0;
  for (const sel of set.selections) {
    if (sel.kind === 'InlineFragment') {
      const on = sel.typeCondition ? (w.schema.getType(sel.typeCondition.name.value) ?? type) : type;
      total += selectionCost(sel.selectionSet, on, w, sizes);
    } else if (sel.kind === 'FragmentSpread') {
      const frag = w.fragments.get(sel.name.value);
      const on = frag && w.schema.getType(frag.typeCondition.name.value);
      if (frag && on) total += selectionCost(frag.selectionSet, on, w, sizes);
    } else {
      total += fieldCost(sel, type, w, sizes);
    }
  }
  return total;
}

function fieldCost(
  node: FieldNode,
  parent: GraphQLNamedType,
  w: Walk,
  outer: { edges: number; first: number | null },
): number {
  const name = node.name.value;
  const field = fieldsOf(parent)[name];
  if (name.startsWith('__') || !field) return 1;
  const named = getNamedType(field.type);
  const first = field.args.some((a) => a.name === 'first')
    ? clamp(argument(field, node, 'first', w), MAX_PAGE_SIZE)
    : null;
  let size = 1;
  const inner = { edges: 1, first };
  if (isConnection(field.type)) inner.edges = first ?? outer.first ?? MAX_PAGE_SIZE;
  else if (name === 'edges' && isConnection(parent)) size = outer.edges;
  else {
    const bound = listSize(field);
    if (bound)
      size = bound.slicingArgument ? clamp(argument(field, node, bound.slicingArgument, w), bound.max) : bound.max;
  }
  const children = node.selectionSet ? selectionCost(node.selectionSet, named, w, inner) : 0;
  return 1 + costWeight(field) + size * children + (node.selectionSet ? 0 : size - 1);
}

/** An operation's remembered estimates: the variables they depend on, and one estimate per set of their values. */
interface Remembered {
  read: string[];
  byValues: Map<string, number>;
}
const remembered = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, Remembered>>();
/** Estimates kept per operation (for different values of its sizing variables), at most. */
const MAX_REMEMBERED = 64;

/** Which remembered estimate `variables` pick: the values of the variables the estimate read. */
const valuesKey = (read: string[], variables: Record<string, unknown>) =>
  JSON.stringify(read.map((name) => variables[name] ?? null));

/** The estimated cost of running `operation` of `document` with `variables`. */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): number {
  let bySchema = remembered.get(schema);
  if (!bySchema) remembered.set(schema, (bySchema = new WeakMap()));
  // Which arguments the walk reads does not depend on the variables' values, so neither does `read`.
  const known = bySchema.get(operation);
  const hit = known?.byValues.get(valuesKey(known.read, variables));
  if (hit !== undefined) return hit;
  const read = new Set<string>();
  const cost = walk(schema, document, operation, { variables, read });
  const entry = known ?? { read: [...read], byValues: new Map<string, number>() };
  if (!known) bySchema.set(operation, entry);
  if (entry.byValues.size >= MAX_REMEMBERED) entry.byValues.clear();
  entry.byValues.set(valuesKey(entry.read, variables), cost);
  return cost;
}

function walk(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  given: Pick<Walk, 'variables' | 'read'>,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === 'FragmentDefinition') fragments.set(d.name.value, d);
  const rootType =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!rootType) return 0;
  return selectionCost(operation.selectionSet, rootType, { schema, fragments, ...given }, { edges: 1, first: null });
}
