import type { Dialect, JsonSchema } from './types';

const BY_URI: ReadonlyMap<string, Dialect> = new Map([
  ['json-schema.org/draft-04/schema', 'draft-04'],
  ['json-schema.org/draft-06/schema', 'draft-06'],
  ['json-schema.org/draft-07/schema', 'draft-07'],
  ['json-schema.org/draft/2019-09/schema', '2019-09'],
  ['json-schema.org/draft/2020-12/schema', '2020-12'],
]);

const ORDER: Readonly<Record<Dialect, number>> = {
  'draft-04': 4,
  'draft-06': 6,
  'draft-07': 7,
  '2019-09': 2019,
  '2020-12': 2020,
};

/** The dialect a `$schema` URI names, or undefined when it names none this package knows. */
export function dialectOfUri(uri: string): Dialect | undefined {
  // http and https, with or without the empty fragment, all name the same meta-schema
  const key = uri
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/#$/, '');
  return BY_URI.get(key);
}

/**
 * The dialect a schema declares with `$schema`, or `fallback` when it declares none (or one this
 * package does not know, or the schema is a boolean).
 *
 * @example
 * detectDialect({ $schema: 'http://json-schema.org/draft-07/schema#' }); // 'draft-07'
 * detectDialect({ type: 'string' }); // '2020-12'
 * detectDialect({ type: 'string' }, 'draft-07'); // 'draft-07'
 */
export function detectDialect(schema: JsonSchema, fallback: Dialect = '2020-12'): Dialect {
  if (typeof schema !== 'object' || schema === null) return fallback;
  const declared = schema.$schema;
  if (typeof declared !== 'string') return fallback;
  return dialectOfUri(declared) ?? fallback;
}

/** Whether `dialect` is `since` or newer. */
export function isAtLeast(dialect: Dialect, since: Dialect): boolean {
  return ORDER[dialect] >= ORDER[since];
}
