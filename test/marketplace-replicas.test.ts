/**
 * Read-modify-writes of one edge from three API replicas over one Neo4j, each with its own store connection
 * and marketplace service: every interaction counts and every flag is kept, however the replicas interleave
 * (each write is conditional on the version read; the loser reads again).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagJobSkill } from '../src/marketplace/feedback.ts';
import { MarketplaceService } from '../src/marketplace/service.ts';
import type { Neo4jStore } from '../src/store/neo4j.ts';
import { connectTestNeo4j, neo4jSkipped, openTestNeo4j } from './support/neo4j.ts';

describe.skipIf(neo4jSkipped)('interactions and flags on three replicas over one Neo4j', () => {
  const stores: Neo4jStore[] = [];
  const job = { label: 'Job' as const, id: 'job-r1' };
  const member = { label: 'Member' as const, id: 'member-r1' };
  const skill = { label: 'Skill' as const, id: 'skill:r1' };
  beforeAll(async () => {
    stores.push(await openTestNeo4j(), await connectTestNeo4j(), await connectTestNeo4j());
    await stores[0].write([
      { op: 'upsertNode', node: { ...member, props: { name: 'R' } } },
      { op: 'upsertNode', node: { ...job, props: { title: 'Data Engineer' } } },
      { op: 'upsertNode', node: { ...skill, props: { label: 'R1' } } },
      { op: 'upsertEdge', edge: { type: 'REQUIRES', from: job, to: skill, props: {} } },
    ]);
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
  });

  it('counts every interaction recorded concurrently through every replica', async () => {
    // recordInteractions reads and writes the store only; the other parts of the service are not used.
    const services = stores.map((s) => new MarketplaceService(s, null as never, null as never, null as never));
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
    const calls = Array.from({ length: 24 }, (_, i) =>
      services[i % 3].recordInteractions([{ memberId: member.id, jobId: job.id, type: 'VIEWED', at: at(i) }], 'test'),
    );
    for (const [result] of await Promise.all(calls)) expect(result).not.toBeInstanceOf(Error);
    const edge = await stores[1].getEdge({ type: 'VIEWED', from: member, to: job });
    expect(edge?.props).toMatchObject({ count: 24, first: at(0), at: at(23), version: 24 });
    expect(edge?.props.times).toHaveLength(24);
    // A batch holding one pair twice and an event already counted: one conditional write, two more counted.
    const [a, b, c] = await services[2].recordInteractions(
      [
        { memberId: member.id, jobId: job.id, type: 'VIEWED', at: at(30) },
        { memberId: member.id, jobId: job.id, type: 'VIEWED', at: at(31) },
        { memberId: member.id, jobId: job.id, type: 'VIEWED', at: at(5) },
      ],
      'test',
    );
    expect([a, b, c].map((r) => (r as { count: number }).count)).toEqual([25, 26, 26]);
    expect((await stores[0].getEdge({ type: 'VIEWED', from: member, to: job }))?.props).toMatchObject({
      count: 26,
      version: 26,
    });
  });

  it('keeps every key’s flag of one job skill flagged concurrently through every replica', async () => {
    // flagJobSkill queues writes per store connection: the three connections' transactions race.
    const flags = Array.from({ length: 12 }, (_, i) =>
      flagJobSkill(stores[i % 3], job.id, skill.id, `reason ${i}`, `key-${i}`),
    );
    await Promise.all(flags);
    const edge = await stores[2].getEdge({ type: 'SKILL_FLAG', from: job, to: skill });
    expect([...(edge?.props.by as string[])].sort()).toEqual(Array.from({ length: 12 }, (_, i) => `key-${i}`).sort());
    expect(edge?.props.version).toBe(12);
  });
});
