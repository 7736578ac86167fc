// @mcpkit/json-schema: the whole public surface of the package. Everything exported here is
// listed by name; nothing from src/internal is.

export { compileSchema } from './compile';
export { applyDefaults } from './defaults';
export { detectDialect } from './dialect';
export { InvalidSchemaError } from './errors';
export type {
  CompiledSchema,
  CompileOptions,
  Dialect,
  JsonSchema,
  ValidationIssue,
  ValidationResult,
} from './types';
