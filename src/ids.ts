/**
 * The one id rule of the service, used by the API, the importers and the stores: an id is a
 * string of 1 to 512 characters with no control characters and no leading or trailing white
 * space. Ids are refused, never trimmed: trimming would let "  member-1  " overwrite "member-1".
 */
import { DomainError } from './errors.ts';

export const MAX_ID_LENGTH = 512;

// C0 and C1 control characters, including NUL, tab and newline.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The reason `value` is not a valid id, or null when it is one. */
export function idProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be a string';
  if (value.length === 0) return 'must not be empty';
  if (value.length > MAX_ID_LENGTH) return `must be at most ${MAX_ID_LENGTH} characters (got ${value.length})`;
  if (CONTROL.test(value)) return 'must not contain control characters';
  if (value.trim() !== value) return 'must not start or end with white space';
  return null;
}

/** `value` as an id; throws BAD_USER_INPUT naming `field` otherwise. */
export function checkId(value: unknown, field = 'id'): string {
  const problem = idProblem(value);
  if (problem) throw new DomainError('BAD_USER_INPUT', `${field} ${problem}.`);
  return value as string;
}

/** Skill ids: "skill:" and a slug (letters, digits, _ . / - :), or an absolute URI such as ESCO's concept URIs. */
const SKILL_ID = /^(skill:[A-Za-z0-9][\w.:/-]*|[a-z][a-z0-9+.-]*:\/\/[^\s/]+\/\S*)$/;

/** A new skill's id: an id of the skill form, so it cannot name a member, job or occupation. */
export function checkSkillId(value: unknown, field = 'id'): string {
  const id = checkId(value, field);
  if (!SKILL_ID.test(id))
    throw new DomainError(
      'BAD_USER_INPUT',
      `${field} must be "skill:" followed by letters, digits and _ . / - : (e.g. "skill:rust"), or an absolute URI.`,
    );
  return id;
}

const OCCUPATION_ID = /^(occupation:[A-Za-z0-9][\w.:/-]*|[a-z][a-z0-9+.-]*:\/\/[^\s/]+\/\S*)$/;

/** A new occupation's id: "occupation:" and a slug, or an absolute URI (ESCO's concept URIs). */
export function occupationId(value: unknown, field = 'id'): string {
  const id = checkId(value, field);
  if (!OCCUPATION_ID.test(id))
    throw new DomainError(
      'BAD_USER_INPUT',
      `${field} must be "occupation:" followed by letters, digits and _ . / - : (e.g. "occupation:data-engineer"), or an absolute URI.`,
    );
  return id;
}
