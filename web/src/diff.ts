/**
 * A readable diff of one history record: the fields that differ between before and after. Lists show only
 * what left (before) and what came (after); list items that are objects read as their values ("skill:python
 * essential").
 */

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const HIDDEN = new Set(['version', 'updatedAt', 'createdAt']);

const item = (x: unknown) => (x && typeof x === 'object' ? Object.values(x).map(String).join(' ') : String(x));

function show(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.map(item).join(', ') : '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function diffRecord(before: unknown, after: unknown): FieldChange[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !HIDDEN.has(f)).sort();
  const out: FieldChange[] = [];
  for (const field of fields) {
    const [x, y] = [b[field], a[field]];
    if (Array.isArray(x) && Array.isArray(y)) {
      const key = (v: unknown) => JSON.stringify(v);
      const had = new Set(x.map(key));
      const has = new Set(y.map(key));
      const left = x.filter((v) => !has.has(key(v)));
      const came = y.filter((v) => !had.has(key(v)));
      if (left.length || came.length) out.push({ field, before: show(left), after: show(came) });
    } else if (show(x) !== show(y)) out.push({ field, before: show(x), after: show(y) });
  }
  return out;
}
