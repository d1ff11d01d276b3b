/** The query-cost estimate remembered per operation: a repeat answers what a fresh walk would. */
import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { estimateCost } from '../src/api/cost.ts';
import { apiSchema } from '../src/api/schema.ts';

const { schema } = apiSchema();
const QUERY = `query($n: Int, $m: ID!, $s: Int) {
  skills(first: $n) { edges { node { id siblings(first: $s) { id } } } }
  member(id: $m) { id }
}`;

/** A fresh document each call: nothing remembered about it. */
function fresh(query: string, variables: Record<string, unknown>): number {
  const doc = parse(query);
  return estimateCost(schema, doc, doc.definitions[0] as OperationDefinitionNode, variables);
}

describe('estimateCost', () => {
  it('answers a repeated operation as a fresh walk would, per value of the variables that size it', () => {
    const doc = parse(QUERY);
    const op = doc.definitions[0] as OperationDefinitionNode;
    const runs: Array<Record<string, unknown>> = [
      { n: 2, m: 'member-1', s: 5 },
      { n: 100, m: 'member-1', s: 5 },
      { n: 2, m: 'member-2', s: 5 }, // only $m differs from the first: same estimate
      { n: 2, m: 'member-1', s: 50 },
      { n: 100, m: 'member-1', s: 5 },
      { m: 'member-1' }, // defaults
    ];
    const costs = runs.map((v) => estimateCost(schema, doc, op, v));
    expect(costs).toEqual(runs.map((v) => fresh(QUERY, v)));
    expect(costs[1]).toBeGreaterThan(costs[0]);
    expect(costs[3]).toBeGreaterThan(costs[0]);
    expect(costs[2]).toBe(costs[0]);
  });

  it('keeps answering correctly past the number of estimates it remembers', () => {
    const doc = parse(QUERY);
    const op = doc.definitions[0] as OperationDefinitionNode;
    for (let n = 0; n < 150; n++)
      expect(estimateCost(schema, doc, op, { n, m: 'x', s: 3 })).toBe(fresh(QUERY, { n, m: 'x', s: 3 }));
  });
});
