/** Stored lower-case (or mixed-case) values as the schema's upper-case enum values, typed as such. */
export const upper = <T extends string>(s: T) => s.toUpperCase() as Uppercase<T>;
