/**
 * Reading a job search: workplace, seniority (the marketplace's title words plus query phrases) and a place
 * become filters; the rest is text.
 */
import { describe, expect, it } from 'vitest';
import { parseJobQuery } from '../src/matching/query.ts';

const places = new Map([
  ['berlin', 'location:de/berlin/berlin'],
  ['new york', 'location:us/new-york/new-york'],
]);
const read = (q: string) => parseJobQuery(q, places);

describe('parseJobQuery', () => {
  it('turns structured words into filters and keeps the rest to embed', () => {
    expect(read('remote senior data engineer jobs in Berlin with Spark')).toEqual({
      workplace: ['REMOTE'],
      seniority: ['SENIOR'],
      locationId: 'location:de/berlin/berlin',
      locationName: 'Berlin',
      text: 'data engineer Spark',
    });
    expect(read('hybrid nurse roles in New York').locationId).toBe('location:us/new-york/new-york');
  });

  it('knows the seniority words titles use and the phrases only queries use', () => {
    expect(read('Sr. developer')).toMatchObject({ seniority: ['SENIOR'], text: 'developer' });
    expect(read('entry-level nurse')).toMatchObject({ seniority: ['JUNIOR'], text: 'nurse' });
    expect(read('head of engineering')).toMatchObject({ seniority: ['DIRECTOR'], text: 'engineering' });
    expect(read('VP sales').seniority).toEqual(['EXECUTIVE']);
    expect(read('internships in Berlin').seniority).toEqual(['INTERN']);
    expect(read('junior interns').seniority).toEqual(['INTERN', 'JUNIOR']);
    // Words that merely contain one are not seniority.
    expect(read('seniors care')).toMatchObject({ seniority: [], text: 'seniors care' });
    expect(read('leadership coach').seniority).toEqual([]);
  });
});
