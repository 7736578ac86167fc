import { detectDialect, dialectOfUri } from './dialect';
import { InvalidSchemaError } from './errors';
import { alwaysTrue, every } from './internal/check';
import { type Check, Ctx, type Entry, type ScopeFrame } from './internal/context';
import { isObject, jsonTypeOf } from './internal/json-type';
import type { Compiler, Location, Resource } from './internal/location';
import { compilePattern } from './internal/regex';
import { readSchemaMap, readString } from './internal/shape';
import { compileApplicators } from './keywords/applicators';
import { compileArrayKeywords } from './keywords/array';
import { compileConst, compileEnum } from './keywords/enum-const';
import { compileNumberKeywords } from './keywords/number';
import { compileObjectKeywords } from './keywords/object';
import { compileRefs } from './keywords/ref';
import { compileStringKeywords } from './keywords/string';
import { compileType } from './keywords/type';
import { wrapUnevaluated } from './keywords/unevaluated';
import { buildIndex, locate, refHidesSiblings, resolveRef, type SchemaIndex } from './schema-index';
import type {
  CompiledSchema,
  CompileOptions,
  Dialect,
  JsonSchema,
  ValidationIssue,
  ValidationResult,
} from './types';

/** Keywords that affect validation; listed when draft-07 and earlier ignore them next to $ref. */
const ASSERTING = new Set(
  [
    'type enum const multipleOf maximum exclusiveMaximum minimum exclusiveMinimum maxLength',
    'minLength pattern format items prefixItems additionalItems contains maxItems minItems',
    'uniqueItems maxContains minContains maxProperties minProperties required properties',
    'patternProperties additionalProperties propertyNames dependencies dependentRequired',
    'dependentSchemas allOf anyOf oneOf not if then else unevaluatedItems unevaluatedProperties',
  ]
    .join(' ')
    .split(' '),
);

const VALID: { valid: true } = Object.freeze({ valid: true });

function falseCheck(path: string): Check {
  return (_v, c) => {
    if (!c.failFast)
      c.report(path, 'false', 'is not allowed here: the schema at this location is false');
    return false;
  };
}

class SchemaCompiler implements Compiler {
  readonly problems: string[] = [];
  readonly warnings: string[] = [];
  readonly assertFormats: boolean;
  readonly tracking: boolean;
  readonly dynamic: boolean;
  private readonly entries = new Map<string, Entry>();
  private readonly building = new Map<object, Entry>();
  private readonly frames = new Map<Resource, ScopeFrame>();

  constructor(
    private readonly index: SchemaIndex,
    options: CompileOptions,
  ) {
    this.assertFormats = options.formats === 'assert';
    this.tracking = index.usesUnevaluated;
    this.dynamic = index.usesDynamic;
    this.warnings.push(...index.warnings);
  }

  problem(path: string, message: string): void {
    this.problems.push(`${path}: ${message}`);
  }

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  child(loc: Location, segments: readonly (string | number)[], node: unknown): Check {
    const entry = this.entry(locate(this.index, loc, segments, node));
    return entry.fn ?? ((v, c) => entry.fn!(v, c));
  }

  entry(loc: Location): Entry {
    const cached = this.entries.get(loc.path);
    if (cached !== undefined) return cached;
    // A JS object that contains itself: point back at the copy being compiled
    const cyclic = isObject(loc.node) ? this.building.get(loc.node) : undefined;
    if (cyclic !== undefined) return cyclic;
    const entry: Entry = { fn: null };
    this.entries.set(loc.path, entry);
    if (isObject(loc.node)) this.building.set(loc.node, entry);
    entry.fn = this.build(loc);
    if (isObject(loc.node)) this.building.delete(loc.node);
    return entry;
  }

  resolve(loc: Location, keyword: string, ref: string): Location | undefined {
    const path = `${loc.path}/${keyword}`;
    const resolution = resolveRef(this.index, loc, ref);
    if (resolution.kind === 'found') return resolution.location;
    if (resolution.kind === 'missing') {
      this.problem(path, `${resolution.reason}. Point it at a subschema in this document.`);
      return undefined;
    }
    this.warn(
      `${path}: ${keyword} ${JSON.stringify(ref)} points outside this schema document and was ` +
        'not followed (nothing is fetched), so it accepts any value. Embed the referenced schema ' +
        'under $defs to validate against it.',
    );
    return undefined;
  }

  frame(resource: Resource): ScopeFrame {
    const cached = this.frames.get(resource);
    if (cached !== undefined) return cached;
    const dynamicAnchors = new Map<string, Entry>();
    const frame: ScopeFrame = {
      dynamicAnchors,
      recursiveAnchor: null,
    };
    this.frames.set(resource, frame);
    // Filled after caching: compiling an anchor may re-enter this resource
    for (const [name, path] of resource.dynamicAnchors) {
      const loc = this.index.locations.get(path);
      if (loc !== undefined) dynamicAnchors.set(name, this.entry(loc));
    }
    if (resource.recursiveAnchor) {
      const loc = this.index.locations.get(resource.path);
      if (loc !== undefined) frame.recursiveAnchor = this.entry(loc);
    }
    return frame;
  }

  regex(pattern: string, path: string): RegExp | undefined {
    const result = compilePattern(pattern);
    if (!result.ok) {
      this.problem(
        path,
        `${JSON.stringify(pattern)} is not a valid regular expression (${result.error})`,
      );
      return undefined;
    }
    if (!result.unicode) {
      this.warn(
        `${path}: ${JSON.stringify(pattern)} is only valid without the unicode (u) flag, so ` +
          'it was compiled without it; remove unnecessary escapes to make it unicode-aware.',
      );
    }
    return result.regex;
  }

  private build(loc: Location): Check {
    const node = loc.node;
    if (node === true) return alwaysTrue;
    if (node === false) return falseCheck(loc.path);
    if (!isObject(node)) {
      this.problem(loc.path, `must be a schema (an object or a boolean), got ${jsonTypeOf(node)}`);
      return alwaysTrue;
    }
    let check = this.buildObject(node, loc);
    if (this.dynamic && loc.resource.path === loc.path) {
      const frame = this.frame(loc.resource);
      const inner = check;
      check = (v, c) => {
        c.scope.push(frame);
        const ok = inner(v, c);
        c.scope.pop();
        return ok;
      };
    }
    return check;
  }

  private buildObject(s: Record<string, unknown>, loc: Location): Check {
    readString(s, '$schema', loc, this);
    readString(s, '$anchor', loc, this);
    readString(s, '$dynamicAnchor', loc, this);
    // Definitions are compiled even when unused, so every problem in the document is reported
    for (const key of ['$defs', 'definitions']) {
      const defs = readSchemaMap(s, key, loc, this);
      if (defs !== undefined)
        for (const name of Object.keys(defs)) this.child(loc, [key, name], defs[name]);
    }
    if (refHidesSiblings(s, loc.dialect)) {
      const ignored = Object.keys(s).filter((key) => ASSERTING.has(key));
      if (ignored.length > 0) {
        const one = ignored.length === 1;
        this.warn(
          `${loc.path}: ${ignored.join(', ')} next to $ref ${one ? 'is' : 'are'} ignored in ` +
            `${loc.dialect}; wrap the $ref and ${one ? 'it' : 'them'} in allOf, or declare ` +
            '2019-09 or later in $schema.',
        );
      }
      return every(compileRefs(s, loc, this));
    }
    readString(s, loc.dialect === 'draft-04' ? 'id' : '$id', loc, this);
    const checks: Check[] = [];
    const push = (check: Check | null) => {
      if (check !== null) checks.push(check);
    };
    push(compileType(s, loc, this));
    push(compileEnum(s, loc, this));
    push(compileConst(s, loc));
    push(compileNumberKeywords(s, loc, this));
    push(compileStringKeywords(s, loc, this));
    push(compileArrayKeywords(s, loc, this));
    push(compileObjectKeywords(s, loc, this));
    checks.push(...compileRefs(s, loc, this));
    checks.push(...compileApplicators(s, loc, this));
    return wrapUnevaluated(s, loc, this, every(checks));
  }
}

class Compiled implements CompiledSchema {
  private readonly ctx: Ctx;

  constructor(
    readonly dialect: Dialect,
    readonly warnings: readonly string[],
    private readonly root: Check,
    private readonly maxIssues: number,
  ) {
    this.ctx = new Ctx(maxIssues);
  }

  // An arrow property, so `const { validate } = compiled` and `.map(compiled.validate)` work
  readonly validate = (value: unknown): ValidationResult => {
    // validate never calls user code, but a fresh context keeps a re-entrant call safe anyway
    const ctx = this.ctx.busy ? new Ctx(this.maxIssues) : this.ctx;
    ctx.busy = true;
    let ok: boolean;
    try {
      ok = this.root(value, ctx);
    } catch (error) {
      ctx.reset();
      // In practice only a stack overflow on an absurdly deep value ends up here
      const reason = error instanceof Error ? error.message : String(error);
      return invalid([
        {
          instancePath: '',
          schemaPath: '#',
          keyword: 'validate',
          message: `could not be validated (${reason}); is the value nested too deeply?`,
        },
      ]);
    }
    ctx.busy = false;
    // A pass leaves the context clean (balanced path, no issues), so only a failure resets it
    if (ok) return VALID;
    const issues = ctx.issues ?? [
      {
        instancePath: '',
        schemaPath: '#',
        keyword: 'schema',
        message: 'does not match the schema',
      },
    ];
    ctx.reset();
    return invalid(issues);
  };
}

function invalid(issues: ValidationIssue[]): ValidationResult {
  return { valid: false, issues };
}

/**
 * Compiles a JSON Schema (draft-04 to 2020-12) into a validator. Compile once, validate often:
 * the schema is turned into closures up front, and validating a valid value allocates nothing.
 * `$ref`s resolve inside the document only; nothing is ever fetched.
 *
 * @throws {InvalidSchemaError} when the schema itself is malformed (unknown type name, a pattern
 * that does not compile, a local `$ref` that points nowhere, ...), listing every problem.
 *
 * @example
 * const schema = compileSchema({
 *   type: 'object',
 *   properties: { email: { type: 'string' } },
 *   required: ['email'],
 * });
 * schema.validate({ email: 'a@example.com' }); // { valid: true }
 * schema.validate({});
 * // { valid: false, issues: [{ instancePath: '', schemaPath: '#/required', keyword: 'required',
 * //   message: 'must have required property "email"' }] }
 */
export function compileSchema(schema: JsonSchema, options: CompileOptions = {}): CompiledSchema {
  const maxIssues = options.maxIssues ?? 10;
  if (!Number.isInteger(maxIssues) || maxIssues < 1) {
    throw new RangeError(
      `maxIssues must be a positive integer, got ${maxIssues}; the default is 10.`,
    );
  }
  if (typeof schema !== 'boolean' && !isObject(schema)) {
    throw new InvalidSchemaError([
      `#: must be a schema (an object or a boolean), got ${jsonTypeOf(schema)}`,
    ]);
  }
  const fallback = options.defaultDialect ?? '2020-12';
  const dialect = detectDialect(schema, fallback);
  const index = buildIndex(schema, dialect);
  const compiler = new SchemaCompiler(index, options);
  const declared = isObject(schema) ? schema.$schema : undefined;
  if (typeof declared === 'string' && dialectOfUri(declared) === undefined) {
    compiler.warn(
      `#/$schema: ${JSON.stringify(declared)} is not a dialect this validator knows; the schema ` +
        `was read as ${fallback}. Use a draft-04, -06, -07, 2019-09 or 2020-12 meta-schema URI.`,
    );
  }
  const root = compiler.entry(index.root);
  if (compiler.problems.length > 0) throw new InvalidSchemaError(compiler.problems);
  return new Compiled(dialect, Object.freeze([...compiler.warnings]), root.fn!, maxIssues);
}
