/** The nearline refresher's fan-out: which members and jobs a batch of change events touches. */
import { describe, expect, it } from 'vitest';
import { touchedNodes } from '../src/nearline/refresher.ts';
import type { ChangeEvent } from '../src/store/types.ts';

const at = '2026-01-01T00:00:00.000Z';
const member = { label: 'Member', id: 'm1' } as const;
const job = { label: 'Job', id: 'j1' } as const;
const skill = { label: 'Skill', id: 'skill:go' } as const;

describe('touchedNodes', () => {
  it('names each member and job once: upserted or deleted nodes and both ends of changed edges, never other labels', () => {
    const events: ChangeEvent[] = [
      { seq: 1, at, kind: 'node.upsert', node: member, props: {} },
      { seq: 2, at, kind: 'edge.upsert', edge: { type: 'HAS_SKILL', from: member, to: skill }, props: {} },
      {
        seq: 3,
        at,
        kind: 'edge.upsert',
        edge: { type: 'APPLIED', from: { label: 'Member', id: 'm2' }, to: job },
        props: {},
      },
      { seq: 4, at, kind: 'node.upsert', node: skill, props: {} },
      { seq: 5, at, kind: 'edge.delete', edge: { type: 'REQUIRES', from: { label: 'Job', id: 'j2' }, to: skill } },
      { seq: 6, at, kind: 'node.delete', node: { label: 'Member', id: 'm3' } },
      {
        seq: 7,
        at,
        kind: 'edge.upsert',
        edge: { type: 'BROADER', from: skill, to: { label: 'Skill', id: 'skill:x' } },
        props: {},
      },
    ];
    expect(touchedNodes(events)).toEqual([
      { label: 'Member', id: 'm1' },
      { label: 'Member', id: 'm2' },
      { label: 'Job', id: 'j1' },
      { label: 'Job', id: 'j2' },
      { label: 'Member', id: 'm3' },
    ]);
  });

  it('keeps a member and a job with the same id apart, and is empty for taxonomy-only batches', () => {
    const same: ChangeEvent[] = [
      { seq: 1, at, kind: 'node.upsert', node: { label: 'Member', id: 'x' }, props: {} },
      { seq: 2, at, kind: 'node.upsert', node: { label: 'Job', id: 'x' }, props: {} },
    ];
    expect(touchedNodes(same)).toHaveLength(2);
    expect(touchedNodes([{ seq: 1, at, kind: 'node.upsert', node: skill, props: {} }])).toEqual([]);
  });
});
