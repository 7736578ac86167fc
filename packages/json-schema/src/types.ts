/**
 * A JSON Schema: an object of keywords, or `true` (accepts everything) / `false` (accepts nothing).
 */
export type JsonSchema = boolean | { readonly [key: string]: unknown };

/** The JSON Schema drafts this package understands, oldest first. */
export type Dialect = 'draft-04' | 'draft-06' | 'draft-07' | '2019-09' | '2020-12';

/** One reason a value did not validate. */
export interface ValidationIssue {
  /** JSON pointer to the offending part of the value, e.g. `/address/street`; `''` is the root. */
  instancePath: string;
  /** Location of the failing keyword in the schema, e.g. `#/properties/address/required`. */
  schemaPath: string;
  /** The keyword that failed, e.g. `required`. */
  keyword: string;
  /** A sentence for humans, e.g. `must have required property "email"`. */
  message: string;
}

/** The outcome of {@link CompiledSchema.validate}. */
export type ValidationResult = { valid: true } | { valid: false; issues: ValidationIssue[] };

/** Options for {@link compileSchema}. */
export interface CompileOptions {
  /**
   * Dialect when the schema has no (or an unknown) $schema. Default '2020-12' (what MCP
   * 2026-07-28 says).
   */
  defaultDialect?: Dialect;
  /** 'annotation' (default; format is not asserted, as 2020-12 says) or 'assert'. */
  formats?: 'annotation' | 'assert';
  /** Stop after this many issues. Default 10. */
  maxIssues?: number;
}

/** A schema compiled once into validation closures; validate as many values as you like. */
export interface CompiledSchema {
  /** The dialect the schema was interpreted as. */
  readonly dialect: Dialect;
  /**
   * Problems found while compiling that did not prevent it, e.g. an external $ref that was not
   * followed.
   */
  readonly warnings: readonly string[];
  /** Checks one value; never throws and never mutates the value. */
  validate(value: unknown): ValidationResult;
}
