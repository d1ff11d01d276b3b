/** Member filters over MemberColumns against the filter's meaning written out plainly over each member's attributes. */
import { describe, expect, it } from 'vitest';
import { MemberColumns, compileMemberFilter } from '../src/marketplace/member-filter.ts';
import type { MemberAttrs, MemberFilter } from '../src/marketplace/member-filter.ts';
import { SENIORITIES } from '../src/marketplace/model.ts';
import { seededRandom } from '../src/random.ts';

const PLACES = [
  ['location:de', 'location:de/berlin', 'location:de/berlin/berlin'],
  ['location:de', 'location:de/bavaria', 'location:de/bavaria/munich'],
  ['location:fr', 'location:fr/idf', 'location:fr/idf/paris'],
  ['location:fr'],
  [],
];

function means(f: MemberFilter, a: MemberAttrs): boolean {
  if (f.locationId && !a.location.includes(f.locationId)) return false;
  if (f.seniority?.length && (a.seniority === null || !f.seniority.includes(SENIORITIES[a.seniority]))) return false;
  if (f.openToRemote != null && a.openToRemote !== f.openToRemote) return false;
  return true;
}

describe('compileMemberFilter over MemberColumns', () => {
  const rand = seededRandom(23);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const member = (): MemberAttrs => ({
    seniority: rand() < 0.2 ? null : Math.floor(rand() * SENIORITIES.length),
    location: pick(PLACES),
    openToRemote: rand() < 0.5,
  });
  const members = Array.from({ length: 3000 }, member);
  const columns = new MemberColumns();
  members.forEach((a, row) => columns.set(row, a));
  const gone = new Set<number>();
  // Change a third of the members and clear some: the columns and each place's rows follow.
  for (let t = 0; t < 1000; t++) {
    const row = Math.floor(rand() * members.length);
    if (rand() < 0.2) {
      columns.clear(row);
      gone.add(row);
    } else {
      members[row] = member();
      columns.set(row, members[row]);
      gone.delete(row);
    }
  }
  const filters: MemberFilter[] = [
    { locationId: 'location:de' },
    { locationId: 'location:fr/idf/paris', seniority: ['SENIOR', 'LEAD'] },
    { locationId: 'location:nowhere' },
    { seniority: ['JUNIOR', 'NOT_A_LEVEL'] },
    { openToRemote: true },
    { openToRemote: false, locationId: 'location:de/bavaria' },
  ];

  it("keeps exactly the members each filter means, and lists its place's rows for a search", () => {
    for (const f of filters) {
      const keep = compileMemberFilter(f, columns);
      const want = members.map((a, row) => !gone.has(row) && means(f, a));
      expect(members.map((_, row) => keep(row))).toEqual(want);
      expect(want.some(Boolean) || f.locationId === 'location:nowhere').toBe(true);
      const listed = keep.rows?.();
      expect(listed !== undefined).toBe(Boolean(f.locationId));
      if (!listed) continue;
      expect(keep.rowsOnly).toBe(Object.keys(f).length === 1);
      const rows = Array.from(listed).sort((a, b) => a - b);
      const inPlace = members.map((a, row) => (!gone.has(row) && a.location.includes(f.locationId!) ? row : -1));
      expect(rows).toEqual(inPlace.filter((row) => row >= 0));
    }
    expect(compileMemberFilter({}, columns).filters).toBe(0);
  });
});
