/**
 * Thrown by `compileSchema` when the schema itself is not a valid JSON Schema (as opposed to a
 * value not matching a valid schema). `problems` lists every problem found, each prefixed with
 * its location in the schema.
 *
 * @example
 * try {
 *   compileSchema({ type: 'strng' });
 * } catch (error) {
 *   if (error instanceof InvalidSchemaError) console.error(error.problems);
 *   // ['#/type: unknown type "strng"; use one of null, boolean, object, ...']
 * }
 */
export class InvalidSchemaError extends Error {
  /** Every problem found, e.g. `#/properties/age/minimum: must be a number, got string`. */
  readonly problems: string[];

  constructor(problems: string[]) {
    const shown = problems.slice(0, 3).join('; ');
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more, see .problems)` : '';
    super(
      `Invalid JSON Schema: ${shown}${more}. Fix the schema definition; values cannot be ` +
        'validated against it until it is valid.',
    );
    this.name = 'InvalidSchemaError';
    this.problems = problems;
  }
}
