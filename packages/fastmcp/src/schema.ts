/**
 * Schemas as FastMCP accepts them, and the types inferred from them.
 *
 * A tool's input (or output) is given one of three ways: a schema object of any Standard Schema
 * library (zod, valibot, arktype, …), a "shape" (a record of such schemas, one per argument), or
 * plain JSON Schema (`inputSchema`). Types are read from the schema once, by indexed access: no
 * library's class type is ever used as a constraint, so registering hundreds of tools stays cheap
 * for the compiler (the official SDK constrains every field by zod's class type and pays ~4×).
 */
import { compileSchema as compileJsonSchemaValidator } from '@mcpkit/json-schema';
import { SdkError } from '@mcpkit/protocol';
import { z } from 'zod';

/** The Standard Schema result of one validation. */
export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<StandardIssue> };

/** One problem a Standard Schema validation found. */
export interface StandardIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/**
 * Anything implementing Standard Schema (https://standardschema.dev): zod, valibot, arktype and
 * others. Only the presence of `~standard` is required here: relating a library's schema type to
 * anything richer makes the compiler expand that type, the cost users feel with many tools.
 */
export interface StandardSchemaLike {
  readonly '~standard': unknown;
}

/** A record of schemas, one per property: `{ a: z.number(), b: z.number() }`. */
export type SchemaShape = { readonly [key: string]: StandardSchemaLike };

/** What `input` / `output` accept: one schema or a shape. */
export type SchemaInput = StandardSchemaLike | SchemaShape;

/** A plain JSON Schema object (`{ type: 'object', properties: … }`). */
export type JsonSchemaObject = { readonly type?: string; readonly [key: string]: unknown };

/** The Standard Schema properties as the runtime reads them. */
interface StandardProps {
  readonly vendor: string;
  readonly validate: (value: unknown) => StandardResult<unknown> | Promise<StandardResult<unknown>>;
  readonly jsonSchema?: { input(options: { target: string }): Record<string, unknown> };
}

type StandardOutput<P> = P extends { readonly types?: infer T }
  ? NonNullable<T> extends { readonly output: infer O }
    ? O
    : unknown
  : unknown;

/**
 * The output type of one schema, read (never related): zod's own `_zod.output` when it is zod,
 * else the Standard Schema `types.output`.
 */
export type OutputOf<S> = S extends { readonly _zod: { readonly output: infer O } }
  ? O
  : S extends { readonly '~standard': infer P }
    ? StandardOutput<P>
    : unknown;

/**
 * Whether a shape field may be left out: zod says so itself (`optout`, exactly what
 * `z.object(shape)` uses); other libraries' fields may be left out when they accept `undefined`.
 */
type IsOptional<F> = F extends { readonly _zod: { readonly optout: 'optional' } }
  ? true
  : F extends { readonly _zod: unknown }
    ? false
    : undefined extends OutputOf<F>
      ? true
      : false;

type ShapeOutput<S> = {
  -readonly [K in keyof S as IsOptional<S[K]> extends true ? never : K]: OutputOf<S[K]>;
} & {
  -readonly [K in keyof S as IsOptional<S[K]> extends true ? K : never]?: OutputOf<S[K]>;
};

/** One object type instead of an intersection (what editors show, what tests compare). */
type Flatten<T> = { [K in keyof T]: T[K] };

/** The type a schema or shape produces: what a handler receives. */
export type Infer<S> = S extends StandardSchemaLike ? OutputOf<S> : Flatten<ShapeOutput<S>>;

/** A compiled schema: its JSON Schema for the wire and a validator. */
export interface CompiledSchema {
  /** The JSON Schema (an object schema: tool schemas must be). */
  readonly jsonSchema: Record<string, unknown>;
  /** Whether the schema is an object schema itself (else values are wrapped in `{ result }`). */
  readonly wrapped: boolean;
  /** Validates a value: its parsed form, or the problems as one readable line. */
  parse(value: unknown): ParseOutcome | Promise<ParseOutcome>;
}

export type ParseOutcome = { ok: true; value: unknown } | { ok: false; message: string };

const DIALECT = 'draft-2020-12';

/** Whether `value` implements Standard Schema. */
export function isStandardSchema(value: unknown): value is StandardSchemaLike {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { '~standard'?: { validate?: unknown } })['~standard']?.validate === 'function'
  );
}

/** Whether `value` is a shape: a non-empty record whose every value is a Standard Schema. */
export function isSchemaShape(value: unknown): value is SchemaShape {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (isStandardSchema(value)) return false;
  const values = Object.values(value);
  return values.length > 0 && values.every(isStandardSchema);
}

/**
 * Compiles what a tool, prompt or elicitation was given. `what` names it in error messages
 * ("the input of tool \"add\"").
 */
export function compileSchema(input: SchemaInput, what: string): CompiledSchema {
  if (isStandardSchema(input)) return compileStandard(input, what);
  if (isSchemaShape(input)) return compileShape(input, what);
  if (typeof input === 'object' && input !== null && Object.keys(input).length === 0)
    return compileShape({}, what);
  throw new SdkError(
    'INVALID_ARGUMENT',
    `${what} is neither a Standard Schema (zod, valibot, arktype, …) nor a shape of them ({ name: z.string() }); for plain JSON Schema use inputSchema / outputSchema instead.`,
  );
}

/**
 * Compiles what must describe named arguments (a tool's input, an elicitation form): an object
 * schema. Anything else is refused here, at registration, not at the first call.
 */
export function compileObjectSchema(input: SchemaInput, what: string): CompiledSchema {
  const compiled = compileSchema(input, what);
  if (compiled.wrapped) {
    throw new SdkError(
      'INVALID_ARGUMENT',
      `${what} must be an object schema (arguments are named), got ${JSON.stringify((compiled.jsonSchema.properties as { result: unknown }).result).slice(0, 80)}; use z.object({ … }) or a shape.`,
    );
  }
  return compiled;
}

/** A plain JSON Schema, checked with mcpkit's JSON Schema validator (2020-12 unless `$schema` says). */
export function compileJsonSchema(schema: JsonSchemaObject, what: string): CompiledSchema {
  if (schema.type !== 'object') {
    throw new SdkError(
      'INVALID_ARGUMENT',
      `${what} must be a JSON Schema with type "object" (MCP tool schemas are objects); got type ${JSON.stringify(schema.type)}.`,
    );
  }
  let validator: ReturnType<typeof compileJsonSchemaValidator>;
  try {
    validator = compileJsonSchemaValidator(schema, { defaultDialect: '2020-12' });
  } catch (error) {
    throw new SdkError(
      'INVALID_ARGUMENT',
      `${what} is not a valid JSON Schema: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return {
    jsonSchema: schema as Record<string, unknown>,
    wrapped: false,
    parse: (value) => {
      const result = validator.validate(value);
      if (result.valid) return { ok: true, value };
      return {
        ok: false,
        message: result.issues
          .map((issue) =>
            issue.instancePath
              ? `${issue.instancePath.slice(1).replaceAll('/', '.')}: ${issue.message}`
              : issue.message,
          )
          .join('; '),
      };
    },
  };
}

function compileStandard(schema: StandardSchemaLike, what: string): CompiledSchema {
  const json = jsonSchemaOf(schema, what);
  const validate = propsOf(schema).validate;
  if (json.type === 'object') {
    return { jsonSchema: json, wrapped: false, parse: (value) => settle(validate(value)) };
  }
  // MCP wants object schemas: anything else is carried as { result: … }, like Python's FastMCP
  return {
    jsonSchema: { type: 'object', properties: { result: json }, required: ['result'] },
    wrapped: true,
    parse: (value) => settle(validate(value)),
  };
}

function compileShape(shape: SchemaShape, what: string): CompiledSchema {
  const fields = Object.entries(shape);
  // a shape of zod 4 schemas is exactly z.object(shape): same defaults, same stripping
  if (fields.every(([, field]) => isZod4(field))) {
    return compileStandard(z.object(shape as unknown as z.ZodRawShape), what);
  }
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const [key, field] of fields) {
    properties[key] = stripDialect(jsonSchemaOf(field, `${what}, property "${key}"`));
    if (!acceptsUndefined(field)) required.push(key);
  }
  const jsonSchema: Record<string, unknown> = { type: 'object', properties };
  if (required.length > 0) jsonSchema.required = required;
  return {
    jsonSchema,
    wrapped: false,
    parse: async (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return { ok: false, message: 'expected an object' };
      const input = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      const problems: string[] = [];
      for (const [key, field] of fields) {
        const result = await propsOf(field).validate(input[key]);
        const outcome = toOutcome(result as StandardResult<unknown>, key);
        if (outcome.ok) {
          if (outcome.value !== undefined) out[key] = outcome.value;
        } else problems.push(outcome.message);
      }
      return problems.length > 0
        ? { ok: false, message: problems.join('; ') }
        : { ok: true, value: out };
    },
  };
}

/** The JSON Schema of a Standard Schema: Standard JSON Schema first, then zod's converter. */
function jsonSchemaOf(schema: StandardSchemaLike, what: string): Record<string, unknown> {
  const standard = propsOf(schema);
  try {
    if (standard.jsonSchema) return stripDialect(standard.jsonSchema.input({ target: DIALECT }));
    if (isZod4(schema))
      return stripDialect(z.toJSONSchema(schema as unknown as z.ZodType, { io: 'input' }));
  } catch (error) {
    throw new SdkError(
      'INVALID_ARGUMENT',
      `${what}: the ${standard.vendor} schema cannot be expressed as JSON Schema (${(error as Error).message}); simplify it, or give plain JSON Schema with inputSchema / outputSchema.`,
      { cause: error },
    );
  }
  throw new SdkError(
    'INVALID_ARGUMENT',
    `${what}: this ${standard.vendor} schema does not implement Standard JSON Schema, so its JSON Schema is unknown. Wrap it (valibot: toStandardJsonSchema from @valibot/to-json-schema), or give plain JSON Schema with inputSchema / outputSchema.`,
  );
}

function propsOf(schema: StandardSchemaLike): StandardProps {
  return schema['~standard'] as StandardProps;
}

function isZod4(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && '_zod' in schema;
}

function stripDialect(json: Record<string, unknown>): Record<string, unknown> {
  if (!('$schema' in json)) return json;
  const { $schema: _dialect, ...rest } = json;
  return rest;
}

/** Whether a field may be left out: its schema accepts `undefined` (checked synchronously). */
function acceptsUndefined(field: StandardSchemaLike): boolean {
  try {
    const result = propsOf(field).validate(undefined);
    if (result instanceof Promise) {
      result.catch(() => undefined);
      return false;
    }
    return result.issues === undefined;
  } catch {
    // a validator that throws on undefined does not accept it
    return false;
  }
}

function settle(
  result: StandardResult<unknown> | Promise<StandardResult<unknown>>,
): ParseOutcome | Promise<ParseOutcome> {
  if (result instanceof Promise) return result.then((r) => toOutcome(r));
  return toOutcome(result);
}

function toOutcome(result: StandardResult<unknown>, prefix?: string): ParseOutcome {
  if (result.issues === undefined) return { ok: true, value: result.value };
  return { ok: false, message: formatIssues(result.issues, prefix) };
}

/** Issues as one line: `a: Expected number, received string; b: Required`. */
export function formatIssues(issues: ReadonlyArray<StandardIssue>, prefix?: string): string {
  return issues
    .slice(0, 10)
    .map((issue) => {
      const path = [
        ...(prefix === undefined ? [] : [prefix]),
        ...(issue.path ?? []).map((p) =>
          String(typeof p === 'object' && p !== null && 'key' in p ? p.key : p),
        ),
      ];
      return path.length > 0 ? `${path.join('.')}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
