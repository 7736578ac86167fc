import {
  type CompileOptions,
  compileSchema,
  type JsonSchema,
  type ValidationIssue,
} from '../src/index';

/** Whether `value` validates against `schema`. */
export function isValid(schema: JsonSchema, value: unknown, options?: CompileOptions): boolean {
  return compileSchema(schema, options).validate(value).valid;
}

/** The issues `value` has against `schema` (empty when valid). */
export function issuesOf(
  schema: JsonSchema,
  value: unknown,
  options?: CompileOptions,
): ValidationIssue[] {
  const result = compileSchema(schema, options).validate(value);
  return result.valid ? [] : result.issues;
}

/** The problems compileSchema reports for an invalid schema (fails the test if it compiles). */
export function problemsOf(schema: unknown, options?: CompileOptions): string[] {
  try {
    compileSchema(schema as JsonSchema, options);
  } catch (error) {
    if (error instanceof Error && 'problems' in error)
      return (error as { problems: string[] }).problems;
    throw error;
  }
  throw new Error('expected compileSchema to throw InvalidSchemaError, but the schema compiled');
}
