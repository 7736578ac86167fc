/**
 * Compile-time cost of registering tools with @mcpkit/fastmcp: 200 generated tools with rich,
 * nested schemas, written once per registration form, each form type-checked by `tsc` and compared
 * with a control that infers the same schemas with the schema library alone (no registration).
 * Target: every fastmcp form ≤ 1.2× its control, in check time and in instantiations.
 *
 *   pnpm bench:tsc                    (or: cd bench && npx tsx tsc-fastmcp.ts)
 *   flags: --runs N (default 5), --tools N (default 200), --no-build, --build (force a rebuild),
 *          --only REGEX (just the matching forms and their controls),
 *          --explain (adds diagnostic forms that attribute the extra instantiations to fastmcp's
 *          exported types: Infer, ToolArgs, ToolValue, and handlers that return text)
 *
 * Forms and their controls: the zod forms against `control-zod` (z.object + functions taking
 * z.infer), except `fastmcp-zod-output`, which is compared with `control-zod-output` (the same
 * input and output schemas, functions annotated with both z.infer types): against control-zod it
 * would be charged for 200 extra output schemas. valibot against `control-valibot` (InferOutput),
 * JSON Schema against `control-json`. `official-sdk-shape` (@modelcontextprotocol/sdk 1.x
 * registerTool with zod raw shapes) is context, not a target.
 *
 * A benchmark, not a test: it prints numbers and exits non-zero only when a fixture does not
 * type-check (such a fixture measures nothing).
 *
 * How @mcpkit/fastmcp is resolved. Inside the repo the `@mcpkit/source` condition maps every mcpkit
 * package to its TypeScript source. For this measurement that is wrong: tsc then type-checks the
 * whole mcpkit source (fastmcp imports server, client, protocol and both transports: ~17,500 lines,
 * skipLibCheck does not apply to .ts files) in every fastmcp fixture and in none of the controls.
 * Measured with one registered tool: 3.6 s check time and 301k instantiations from source, against
 * 0.1 s and 4k from the built declarations. So the fixtures do NOT set `customConditions`: the
 * package's `exports` then resolve to packages/fastmcp/dist/index.d.ts (and its dependencies' dist),
 * exactly what a user gets from npm, and check time is spent on the user's registrations. The
 * script rebuilds dist (`pnpm --filter @mcpkit/fastmcp... run build`) when it is older than the
 * sources, and refuses to report if any mcpkit .ts source got into a fixture's program.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const FIXTURES = join(BENCH, '.tsc-fixtures');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const TARGET = 1.2;
const SEED = 0x6d63706b; // 'mcpk'

// -------------------------------------------------------------------------------------------------
// Options

function flag(name: string): boolean {
  return process.argv.includes(name);
}

function numberFlag(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive integer`);
  return value;
}

const RUNS = numberFlag('--runs', 5);
const TOOLS = numberFlag('--tools', 200);

// -------------------------------------------------------------------------------------------------
// Deterministic schema generation

/** mulberry32: a small seeded PRNG, so every run writes the same fixtures. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(SEED);
const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

type Scalar = 'string' | 'number' | 'integer' | 'boolean';

type SchemaNode =
  | { kind: Scalar; min?: boolean }
  | { kind: 'enum'; values: string[] }
  | { kind: 'literal'; value: string }
  | { kind: 'object'; fields: Field[] }
  | { kind: 'array'; item: SchemaNode }
  | { kind: 'union'; options: SchemaNode[] };

interface Field {
  name: string;
  node: SchemaNode;
  presence: 'required' | 'optional' | 'default';
  description?: string;
}

interface Tool {
  input: Field[];
  output: Field[];
  /** A required leaf 3 levels down (`args.a.b.c`) that every handler reads. */
  probe: { path: string[]; leaf: 'string' | 'number' };
}

const WORDS = [
  'query',
  'limit',
  'offset',
  'userId',
  'title',
  'body',
  'tags',
  'status',
  'priority',
  'createdAt',
  'owner',
  'filters',
  'range',
  'options',
  'format',
  'locale',
  'page',
  'sort',
  'order',
  'metadata',
  'labels',
  'author',
  'score',
  'enabled',
  'retries',
  'timeout',
  'region',
  'currency',
  'amount',
  'items',
  'address',
  'street',
  'city',
  'country',
  'zip',
  'email',
  'phone',
  'notes',
  'mode',
  'level',
  'target',
  'source',
  'version',
  'channel',
  'color',
  'size',
  'weight',
  'unit',
  'count',
  'project',
];
const ENUM_WORDS = [
  'low',
  'medium',
  'high',
  'draft',
  'open',
  'closed',
  'asc',
  'desc',
  'json',
  'csv',
];

function nameIn(used: Set<string>): string {
  let name = pick(WORDS);
  while (used.has(name)) name = `${pick(WORDS)}${used.size}`;
  used.add(name);
  return name;
}

function describe(name: string): string {
  return `The ${name.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)} to use`;
}

/** A field's schema; `depth` is the object level it sits in (1 = the tool's arguments). */
function genNode(depth: number): SchemaNode {
  const r = random();
  if (depth < 3 && r < 0.14) return { kind: 'object', fields: genFields(depth + 1, int(2, 4)) };
  if (depth < 3 && r < 0.24)
    return { kind: 'array', item: { kind: 'object', fields: genFields(depth + 1, int(2, 3)) } };
  if (r < 0.29) return { kind: 'array', item: { kind: pick(['string', 'number'] as const) } };
  if (r < 0.37) {
    if (depth < 3 && random() < 0.5) {
      return {
        kind: 'union',
        options: ['a', 'b'].map((tag): SchemaNode => {
          const tagField: Field = {
            name: 'kind',
            node: { kind: 'literal', value: tag },
            presence: 'required',
          };
          const fields = genScalarFields(new Set(['kind']), int(1, 2));
          return { kind: 'object', fields: [tagField, ...fields] };
        }),
      };
    }
    return { kind: 'union', options: [{ kind: 'string' }, { kind: 'number' }] };
  }
  if (r < 0.49) {
    const values = new Set<string>();
    const n = int(2, 5);
    while (values.size < n) values.add(pick(ENUM_WORDS));
    return { kind: 'enum', values: [...values] };
  }
  if (r < 0.72) return { kind: 'string', min: random() < 0.25 };
  if (r < 0.8) return { kind: 'number' };
  if (r < 0.87) return { kind: 'integer' };
  return { kind: 'boolean' };
}

function canDefault(node: SchemaNode): boolean {
  return (
    node.kind === 'string' ||
    node.kind === 'number' ||
    node.kind === 'integer' ||
    node.kind === 'boolean' ||
    node.kind === 'enum' ||
    (node.kind === 'array' && node.item.kind !== 'object')
  );
}

function genField(used: Set<string>, node: SchemaNode): Field {
  const r = random();
  const presence = r < 0.65 ? 'required' : r < 0.85 || !canDefault(node) ? 'optional' : 'default';
  const name = nameIn(used);
  const field: Field = { name, node, presence };
  if (random() < (node.kind === 'object' ? 0.3 : 0.55)) field.description = describe(name);
  return field;
}

function genFields(depth: number, count: number): Field[] {
  const used = new Set<string>();
  return Array.from({ length: count }, () => genField(used, genNode(depth)));
}

function genScalarFields(used: Set<string>, count: number): Field[] {
  return Array.from({ length: count }, () =>
    genField(used, { kind: pick(['string', 'number', 'boolean'] as const) }),
  );
}

function genTool(): Tool {
  const count = int(8, 15);
  const used = new Set<string>();
  const fields = Array.from({ length: count - 1 }, () => genField(used, genNode(1)));
  // the probe: a required object (level 2) holding a required object (level 3) holding a leaf
  const leaf = pick(['string', 'number'] as const);
  const innerUsed = new Set<string>();
  const innerFields = genFields(3, int(1, 3));
  for (const f of innerFields) innerUsed.add(f.name);
  const leafField: Field = { name: nameIn(innerUsed), node: { kind: leaf }, presence: 'required' };
  const middleUsed = new Set<string>();
  const middleFields = genFields(2, int(1, 3));
  for (const f of middleFields) middleUsed.add(f.name);
  const innerField: Field = {
    name: nameIn(middleUsed),
    node: { kind: 'object', fields: [...innerFields, leafField] },
    presence: 'required',
  };
  const outerField: Field = {
    name: nameIn(used),
    node: { kind: 'object', fields: [...middleFields, innerField] },
    presence: 'required',
    description: 'Nested settings',
  };
  fields.splice(int(0, fields.length), 0, outerField);
  // a moderate output: 4-6 fields, one level of nesting at most
  const outUsed = new Set<string>();
  const output = Array.from({ length: int(4, 6) }, () => {
    const node = random() < 0.2 ? { kind: 'object' as const, fields: genFields(3, 2) } : genNode(3);
    const field = genField(outUsed, node);
    if (field.presence === 'default') field.presence = 'required';
    return field;
  });
  return {
    input: fields,
    output,
    probe: { path: [outerField.name, innerField.name, leafField.name], leaf },
  };
}

const tools: Tool[] = Array.from({ length: TOOLS }, genTool);

// -------------------------------------------------------------------------------------------------
// Rendering: zod, valibot, JSON Schema

const q = (s: string): string => `'${s.replace(/'/g, "\\'")}'`;

function defaultOf(node: SchemaNode): string {
  switch (node.kind) {
    case 'string':
      return q('auto');
    case 'number':
    case 'integer':
      return '10';
    case 'boolean':
      return 'false';
    case 'enum':
      return q(node.values[0] as string);
    default:
      return '[]';
  }
}

function indent(level: number): string {
  return '  '.repeat(level);
}

function zodNode(node: SchemaNode, level: number): string {
  switch (node.kind) {
    case 'string':
      return node.min ? 'z.string().min(1)' : 'z.string()';
    case 'number':
      return 'z.number()';
    case 'integer':
      return 'z.number().int()';
    case 'boolean':
      return 'z.boolean()';
    case 'enum':
      return `z.enum([${node.values.map(q).join(', ')}])`;
    case 'literal':
      return `z.literal(${q(node.value)})`;
    case 'object':
      return `z.object(${zodShape(node.fields, level)})`;
    case 'array':
      return `z.array(${zodNode(node.item, level)})`;
    case 'union':
      return `z.union([${node.options.map((o) => zodNode(o, level)).join(', ')}])`;
  }
}

function zodField(field: Field, level: number): string {
  let s = zodNode(field.node, level);
  if (field.description) s += `.describe(${q(field.description)})`;
  if (field.presence === 'optional') s += '.optional()';
  if (field.presence === 'default') s += `.default(${defaultOf(field.node)})`;
  return s;
}

function zodShape(fields: Field[], level: number): string {
  const lines = fields.map((f) => `${indent(level + 1)}${f.name}: ${zodField(f, level + 1)},`);
  return `{\n${lines.join('\n')}\n${indent(level)}}`;
}

function valibotNode(node: SchemaNode, level: number): string {
  switch (node.kind) {
    case 'string':
      return node.min ? 'v.pipe(v.string(), v.minLength(1))' : 'v.string()';
    case 'number':
      return 'v.number()';
    case 'integer':
      return 'v.pipe(v.number(), v.integer())';
    case 'boolean':
      return 'v.boolean()';
    case 'enum':
      return `v.picklist([${node.values.map(q).join(', ')}])`;
    case 'literal':
      return `v.literal(${q(node.value)})`;
    case 'object':
      return `v.object(${valibotShape(node.fields, level)})`;
    case 'array':
      return `v.array(${valibotNode(node.item, level)})`;
    case 'union':
      return `v.union([${node.options.map((o) => valibotNode(o, level)).join(', ')}])`;
  }
}

function valibotField(field: Field, level: number): string {
  let s = valibotNode(field.node, level);
  if (field.description) s = `v.pipe(${s}, v.description(${q(field.description)}))`;
  if (field.presence === 'optional') s = `v.optional(${s})`;
  if (field.presence === 'default') s = `v.optional(${s}, ${defaultOf(field.node)})`;
  return s;
}

function valibotShape(fields: Field[], level: number): string {
  const lines = fields.map((f) => `${indent(level + 1)}${f.name}: ${valibotField(f, level + 1)},`);
  return `{\n${lines.join('\n')}\n${indent(level)}}`;
}

function jsonNode(node: SchemaNode, level: number): string {
  switch (node.kind) {
    case 'string':
      return node.min ? `{ type: 'string', minLength: 1 }` : `{ type: 'string' }`;
    case 'number':
    case 'integer':
    case 'boolean':
      return `{ type: ${q(node.kind)} }`;
    case 'enum':
      return `{ type: 'string', enum: [${node.values.map(q).join(', ')}] }`;
    case 'literal':
      return `{ const: ${q(node.value)} }`;
    case 'object':
      return jsonObject(node.fields, level);
    case 'array':
      return `{ type: 'array', items: ${jsonNode(node.item, level)} }`;
    case 'union':
      return `{ anyOf: [${node.options.map((o) => jsonNode(o, level)).join(', ')}] }`;
  }
}

function jsonField(field: Field, level: number): string {
  const base = jsonNode(field.node, level);
  const extra: string[] = [];
  if (field.description) extra.push(`description: ${q(field.description)}`);
  if (field.presence === 'default') extra.push(`default: ${defaultOf(field.node)}`);
  if (extra.length === 0) return base;
  const open = base.slice(0, -1).trimEnd(); // multi-line objects already end with a comma
  return `${open}${open.endsWith(',') ? ' ' : ', '}${extra.join(', ')} }`;
}

function jsonObject(fields: Field[], level: number): string {
  const props = fields.map((f) => `${indent(level + 2)}${f.name}: ${jsonField(f, level + 2)},`);
  const required = fields.filter((f) => f.presence === 'required').map((f) => q(f.name));
  return [
    '{',
    `${indent(level + 1)}type: 'object',`,
    `${indent(level + 1)}properties: {`,
    ...props,
    `${indent(level + 1)}},`,
    ...(required.length > 0 ? [`${indent(level + 1)}required: [${required.join(', ')}],`] : []),
    `${indent(level)}}`,
  ].join('\n');
}

/**
 * A TypeScript value of a schema's output type (what a handler with an output schema returns).
 * Enum and literal values carry `as const`: fastmcp's handler return is not contextually typed
 * while `O` is being inferred (`tool()` infers `O` from the handler's return too), so a bare
 * `'open'` widens to string and fails against `'open' | 'closed'`. The controls use the same
 * values, so the workaround costs both sides alike.
 */
function sampleValue(node: SchemaNode, level: number): string {
  switch (node.kind) {
    case 'string':
      return q('ok');
    case 'number':
    case 'integer':
      return '1';
    case 'boolean':
      return 'true';
    case 'enum':
      return `${q(node.values[0] as string)} as const`;
    case 'literal':
      return `${q(node.value)} as const`;
    case 'object':
      return objectValue(node.fields, level);
    case 'array':
      return '[]';
    case 'union':
      return sampleValue(node.options[0] as SchemaNode, level);
  }
}

function objectValue(fields: Field[], level: number): string {
  const present = fields.filter((f, i) => f.presence !== 'optional' || i % 2 === 0);
  const lines = present.map(
    (f) => `${indent(level + 1)}${f.name}: ${sampleValue(f.node, level + 1)},`,
  );
  return `{\n${lines.join('\n')}\n${indent(level)}}`;
}

// -------------------------------------------------------------------------------------------------
// Fixtures: one project per form

/**
 * The handler body shared by every form and its control. The positive line fails if inference
 * is broken to `unknown` or a wrong type; the @ts-expect-error line fails ("unused directive") if
 * inference is broken to `any`. So a fixture that type-checks did infer the nested type.
 */
function body(tool: Tool, level: number, ret: string): string {
  const path = `args.${tool.probe.path.join('.')}`;
  const wrong = tool.probe.leaf === 'string' ? 'toFixed' : 'toUpperCase';
  const i = indent(level);
  return [
    `${i}const probe: ${tool.probe.leaf} = ${path};`,
    `${i}// @ts-expect-error -- the leaf is a ${tool.probe.leaf}: only \`any\` would allow this`,
    `${i}${path}.${wrong};`,
    `${i}return ${ret};`,
  ].join('\n');
}

/** The JSON Schema forms' body: args are Record<string, unknown>, so only the top level exists. */
function jsonBody(tool: Tool, level: number): string {
  const [top, next] = tool.probe.path;
  const i = indent(level);
  return [
    `${i}const probe: unknown = args.${top};`,
    `${i}// @ts-expect-error -- args.${top} is unknown: only \`any\` would allow this`,
    `${i}args.${top}.${next};`,
    `${i}return args;`,
  ].join('\n');
}

const description = (i: number): string => q(`Tool ${i} of the compile-time benchmark`);

function controlZod(withOutput: boolean): string {
  const out = ["import { z } from 'zod';", ''];
  tools.forEach((tool, i) => {
    out.push(`const s${i} = z.object(${zodShape(tool.input, 0)});`);
    if (withOutput) {
      out.push(`const o${i} = z.object(${zodShape(tool.output, 0)});`);
      out.push(`export function t${i}(args: z.infer<typeof s${i}>): z.infer<typeof o${i}> {`);
      out.push(body(tool, 1, objectValue(tool.output, 1)));
    } else {
      out.push(`export function t${i}(args: z.infer<typeof s${i}>) {`);
      out.push(body(tool, 1, 'args'));
    }
    out.push('}', '');
  });
  return out.join('\n');
}

const FASTMCP_HEAD = [
  "import { FastMCP } from '@mcpkit/fastmcp';",
  "import { z } from 'zod';",
  '',
  "const mcp = new FastMCP('bench');",
  '',
];

function fastmcpZodObject(): string {
  const out = [...FASTMCP_HEAD];
  tools.forEach((tool, i) => {
    out.push(`const s${i} = z.object(${zodShape(tool.input, 0)});`);
    out.push(`mcp.tool('t${i}', { description: ${description(i)}, input: s${i} }, (args) => {`);
    out.push(body(tool, 1, 'args'), '});', '');
  });
  return out.join('\n');
}

function fastmcpZodShape(): string {
  const out = [...FASTMCP_HEAD];
  tools.forEach((tool, i) => {
    out.push(`mcp.tool(`, `  't${i}',`);
    out.push(`  { description: ${description(i)}, input: ${zodShape(tool.input, 1)} },`);
    out.push('  (args) => {', body(tool, 2, 'args'), '  },', ');', '');
  });
  return out.join('\n');
}

function fastmcpZodOutput(): string {
  const out = [...FASTMCP_HEAD];
  tools.forEach((tool, i) => {
    out.push(`const s${i} = z.object(${zodShape(tool.input, 0)});`);
    out.push(`const o${i} = z.object(${zodShape(tool.output, 0)});`);
    out.push(
      `mcp.tool('t${i}', { description: ${description(i)}, input: s${i}, output: o${i} }, (args) => {`,
    );
    out.push(body(tool, 1, objectValue(tool.output, 1)), '});', '');
  });
  return out.join('\n');
}

function officialSdkShape(): string {
  const out = [
    "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
    "import { z } from 'zod';",
    '',
    "const server = new McpServer({ name: 'bench', version: '1.0.0' });",
    '',
  ];
  tools.forEach((tool, i) => {
    out.push('server.registerTool(', `  't${i}',`);
    out.push(`  { description: ${description(i)}, inputSchema: ${zodShape(tool.input, 1)} },`);
    out.push('  (args) => {', body(tool, 2, '{ content: [] }'), '  },', ');', '');
  });
  return out.join('\n');
}

function controlValibot(): string {
  const out = ["import * as v from 'valibot';", ''];
  tools.forEach((tool, i) => {
    out.push(`const s${i} = v.object(${valibotShape(tool.input, 0)});`);
    out.push(`export function t${i}(args: v.InferOutput<typeof s${i}>) {`);
    out.push(body(tool, 1, 'args'), '}', '');
  });
  return out.join('\n');
}

function fastmcpValibot(): string {
  const out = [
    "import { FastMCP } from '@mcpkit/fastmcp';",
    "import { toStandardJsonSchema } from '@valibot/to-json-schema';",
    "import * as v from 'valibot';",
    '',
    "const mcp = new FastMCP('bench');",
    '',
  ];
  tools.forEach((tool, i) => {
    out.push(`const s${i} = v.object(${valibotShape(tool.input, 0)});`);
    out.push(
      `mcp.tool('t${i}', { description: ${description(i)}, input: toStandardJsonSchema(s${i}) }, (args) => {`,
    );
    out.push(body(tool, 1, 'args'), '});', '');
  });
  return out.join('\n');
}

function controlJson(): string {
  const out = ['export {};', ''];
  tools.forEach((tool, i) => {
    out.push(`const j${i} = ${jsonObject(tool.input, 0)};`);
    out.push(`export function t${i}(args: Record<string, unknown>) {`);
    out.push(jsonBody(tool, 1), '}', `export const schema${i} = j${i};`, '');
  });
  return out.join('\n');
}

function fastmcpJson(): string {
  const out = [
    "import { FastMCP } from '@mcpkit/fastmcp';",
    '',
    "const mcp = new FastMCP('bench');",
  ];
  out.push('');
  tools.forEach((tool, i) => {
    out.push(`const j${i} = ${jsonObject(tool.input, 0)};`);
    out.push(
      `mcp.tool('t${i}', { description: ${description(i)}, inputSchema: j${i} }, (args) => {`,
    );
    out.push(jsonBody(tool, 1), '});', '');
  });
  return out.join('\n');
}

/**
 * Diagnostic variants (`--explain`), built on fastmcp's exported types so they follow the package
 * as it changes: each adds one ingredient of a registration to control-zod, to show which type
 * the extra instantiations come from.
 */
function explainZodArgs(type: 'Infer' | 'ToolArgs' | 'OutputOf'): string {
  return controlZod(false)
    .replace(
      "import { z } from 'zod';",
      `import type { ${type} } from '@mcpkit/fastmcp';\nimport { z } from 'zod';`,
    )
    .replace(/args: z\.infer<typeof (s\d+)>/g, `args: ${type}<typeof $1>`);
}

function explainZodReturnToolValue(): string {
  return controlZod(false)
    .replace(
      "import { z } from 'zod';",
      "import type { ToolValue } from '@mcpkit/fastmcp';\nimport { z } from 'zod';",
    )
    .replace(/(args: z\.infer<typeof s\d+>\))/g, '$1: ToolValue');
}

/** A fastmcp form whose handlers return a short text instead of the (large) args object. */
function returningText(source: string): string {
  return source.replace(/return args;/g, "return 'done';");
}

interface Form {
  name: string;
  /** The control this form is compared with; none for controls. */
  control?: string;
  /** Whether the ≤ 1.2× target applies (the official SDK is shown for context only). */
  target?: boolean;
  source: () => string;
}

const FORMS: Form[] = [
  { name: 'control-zod', source: () => controlZod(false) },
  { name: 'fastmcp-zod-object', control: 'control-zod', target: true, source: fastmcpZodObject },
  { name: 'fastmcp-zod-shape', control: 'control-zod', target: true, source: fastmcpZodShape },
  { name: 'official-sdk-shape', control: 'control-zod', source: officialSdkShape },
  // same input and output schemas as fastmcp-zod-output, the output typed by z.infer
  { name: 'control-zod-output', source: () => controlZod(true) },
  {
    name: 'fastmcp-zod-output',
    control: 'control-zod-output',
    target: true,
    source: fastmcpZodOutput,
  },
  { name: 'control-valibot', source: controlValibot },
  { name: 'fastmcp-valibot', control: 'control-valibot', target: true, source: fastmcpValibot },
  { name: 'control-json', source: controlJson },
  { name: 'fastmcp-json-schema', control: 'control-json', target: true, source: fastmcpJson },
];

const EXPLAIN_FORMS: Form[] = [
  { name: 'x-args-OutputOf', control: 'control-zod', source: () => explainZodArgs('OutputOf') },
  { name: 'x-args-Infer', control: 'control-zod', source: () => explainZodArgs('Infer') },
  { name: 'x-args-ToolArgs', control: 'control-zod', source: () => explainZodArgs('ToolArgs') },
  { name: 'x-return-ToolValue', control: 'control-zod', source: explainZodReturnToolValue },
  {
    name: 'x-object-return-text',
    control: 'control-zod',
    source: () => returningText(fastmcpZodObject()),
  },
  {
    name: 'x-shape-return-text',
    control: 'control-zod',
    source: () => returningText(fastmcpZodShape()),
  },
];

if (flag('--explain')) FORMS.push(...EXPLAIN_FORMS);

// --only REGEX: the forms whose name matches, and the controls they are compared with
{
  const index = process.argv.indexOf('--only');
  if (index >= 0) {
    const pattern = new RegExp(process.argv[index + 1] ?? '');
    const chosen = FORMS.filter((f) => f.control !== undefined && pattern.test(f.name));
    if (chosen.length === 0) fail(`--only ${pattern}: no form matches`);
    const keep = new Set(chosen.flatMap((f) => [f.name, f.control as string]));
    FORMS.splice(0, FORMS.length, ...FORMS.filter((f) => keep.has(f.name)));
  }
}

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    module: 'ESNext',
    moduleResolution: 'Bundler',
    target: 'ES2022',
    skipLibCheck: true,
    noEmit: true,
    // the same ambient types everywhere (the SDKs' declarations mention node's types)
    types: ['node'],
    // no customConditions: see the header, @mcpkit/fastmcp must resolve to its dist here
  },
  files: ['index.ts'],
};

function writeFixtures(): Map<string, number> {
  rmSync(FIXTURES, { recursive: true, force: true });
  const lines = new Map<string, number>();
  for (const form of FORMS) {
    const dir = join(FIXTURES, form.name);
    mkdirSync(dir, { recursive: true });
    const source = `// generated by bench/tsc-fastmcp.ts (seed ${SEED}, ${TOOLS} tools): do not edit\n${form.source()}\n`;
    writeFileSync(join(dir, 'index.ts'), source);
    writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
    lines.set(form.name, source.split('\n').length);
  }
  return lines;
}

// -------------------------------------------------------------------------------------------------
// Building @mcpkit/fastmcp's declarations

const DIST_PACKAGES = [
  'fastmcp',
  'protocol',
  'jsonrpc',
  'server',
  'client',
  'transport-stdio',
  'transport-streamable-http',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function ensureDist(): void {
  const dts = join(ROOT, 'packages', 'fastmcp', 'dist', 'index.d.ts');
  const sources = Math.max(
    ...DIST_PACKAGES.map((p) => newestMtime(join(ROOT, 'packages', p, 'src'))),
  );
  const dists = DIST_PACKAGES.map((p) => newestMtime(join(ROOT, 'packages', p, 'dist')));
  const stale = !existsSync(dts) || dists.some((d) => d < sources);
  if (flag('--no-build')) {
    if (!existsSync(dts)) fail(`${dts} is missing: run without --no-build, or build it first.`);
    if (stale) console.log('warning: dist is older than the sources (--no-build given)\n');
    return;
  }
  if (!stale && !flag('--build')) return;
  console.log('building @mcpkit/fastmcp and its workspace dependencies (dist is stale)…');
  const build = spawnSync(
    'npx',
    ['-y', 'pnpm@10.34.8', '--filter', '@mcpkit/fastmcp...', 'run', 'build'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (build.status !== 0) {
    fail(`the build failed:\n${(build.stdout + build.stderr).split('\n').slice(-40).join('\n')}`);
  }
  console.log('');
}

// -------------------------------------------------------------------------------------------------
// Measuring

interface Run {
  checkTime: number;
  instantiations: number;
  types: number;
  memoryKb: number;
  linesOfTypeScript: number;
}

function fail(message: string): never {
  console.error(`\ntsc-fastmcp: ${message}`);
  process.exit(1);
}

function stat(output: string, label: string): number {
  const match = new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(output);
  if (!match) throw new Error(`no "${label}" in tsc's --extendedDiagnostics output`);
  return Number(match[1]);
}

function tsc(form: string): { run?: Run; errors?: string } {
  const result = spawnSync(
    process.execPath,
    [TSC, '-p', join(FIXTURES, form), '--extendedDiagnostics'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const output = result.stdout + result.stderr;
  if (result.status !== 0 || / error TS\d+/.test(output)) {
    // the diagnostics come first, then the --extendedDiagnostics block (it starts with Files:)
    const errors = (output.split(/^Files:/m)[0] ?? '').trim().split('\n');
    return { errors: errors.slice(0, 30).join('\n') || output.slice(0, 3000) };
  }
  return {
    run: {
      checkTime: stat(output, 'Check time'),
      instantiations: stat(output, 'Instantiations'),
      types: stat(output, 'Types'),
      memoryKb: stat(output, 'Memory used'),
      linesOfTypeScript: stat(output, 'Lines of TypeScript'),
    },
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

interface Result {
  form: Form;
  checkTime: number;
  checkTimes: number[];
  checkMin: number;
  instantiations: number;
  types: number;
  memoryKb: number;
}

function measureAll(lines: Map<string, number>): Map<string, Result> {
  const runs = new Map<string, Run[]>(FORMS.map((f) => [f.name, []]));
  // round-robin, so that a noisy moment on the machine spreads over all forms; every other round
  // runs backwards, so that neither a form nor its control always goes first
  for (let round = 0; round < RUNS; round++) {
    const failures: string[] = [];
    for (const form of round % 2 === 0 ? FORMS : [...FORMS].reverse()) {
      const { run, errors } = tsc(form.name);
      if (!run) {
        failures.push(`${form.name} does not type-check:\n${errors}`);
        continue;
      }
      // the fixture's own file must be the only TypeScript source in the program
      if (run.linesOfTypeScript > (lines.get(form.name) ?? 0)) {
        failures.push(
          `${form.name}: ${run.linesOfTypeScript} lines of TypeScript checked, more than the fixture's ${lines.get(form.name)}: mcpkit sources were pulled in instead of dist`,
        );
        continue;
      }
      runs.get(form.name)?.push(run);
    }
    if (failures.length > 0) fail(failures.join('\n\n'));
    process.stdout.write(`  round ${round + 1}/${RUNS} done\n`);
  }
  const results = new Map<string, Result>();
  for (const form of FORMS) {
    const list = runs.get(form.name) ?? [];
    results.set(form.name, {
      form,
      checkTime: median(list.map((r) => r.checkTime)),
      checkTimes: list.map((r) => r.checkTime),
      checkMin: Math.min(...list.map((r) => r.checkTime)),
      instantiations: median(list.map((r) => r.instantiations)),
      types: median(list.map((r) => r.types)),
      memoryKb: median(list.map((r) => r.memoryKb)),
    });
  }
  return results;
}

// -------------------------------------------------------------------------------------------------
// Reporting

function pad(value: string, width: number, right = false): string {
  return right ? value.padStart(width) : value.padEnd(width);
}

const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
const fmtRatio = (n: number | undefined): string => (n === undefined ? '' : `${n.toFixed(2)}×`);

function spreadOf(result: Result): number {
  return Math.max(...result.checkTimes) / result.checkMin;
}

function report(results: Map<string, Result>): void {
  const rows = [...results.values()].map((r) => {
    const control = r.form.control ? results.get(r.form.control) : undefined;
    return {
      r,
      // paired: each run against the control's run of the same round (a few seconds apart),
      // so a busy stretch of the machine cancels out instead of landing on one side
      timeRatio: control
        ? median(r.checkTimes.map((t, i) => t / (control.checkTimes[i] ?? Number.NaN)))
        : undefined,
      minRatio: control ? r.checkMin / control.checkMin : undefined,
      instRatio: control ? r.instantiations / control.instantiations : undefined,
    };
  });
  const header = [
    pad('form', 22),
    pad('vs', 20),
    pad('check s', 8, true),
    pad('(runs)', 18, true),
    pad('×', 6, true),
    pad('min ×', 6, true),
    pad('instantiations', 15, true),
    pad('×', 6, true),
    pad('types', 9, true),
    pad('memory MB', 10, true),
  ].join('  ');
  console.log(`\n${header}\n${'-'.repeat(header.length)}`);
  for (const { r, timeRatio, minRatio, instRatio } of rows) {
    console.log(
      [
        pad(r.form.name, 22),
        pad(r.form.control ?? '(control)', 20),
        pad(r.checkTime.toFixed(2), 8, true),
        pad(r.checkTimes.map((t) => t.toFixed(2)).join(' '), 18, true),
        pad(fmtRatio(timeRatio), 6, true),
        pad(fmtRatio(minRatio), 6, true),
        pad(fmtInt(r.instantiations), 15, true),
        pad(fmtRatio(instRatio), 6, true),
        pad(fmtInt(r.types), 9, true),
        pad((r.memoryKb / 1024).toFixed(0), 10, true),
      ].join('  '),
    );
  }
  console.log(
    `\ncheck s: median "Check time" of ${RUNS} runs (each run in brackets); ×: median of the per-round ratios to the control;` +
      '\nmin ×: fastest run against fastest run (less sensitive to a busy machine);' +
      '\ninstantiations and types are deterministic: the steadier measure of type-level work.\n',
  );
  let missed = 0;
  for (const { r, timeRatio, minRatio, instRatio } of rows) {
    if (timeRatio === undefined || instRatio === undefined) continue;
    const ok = timeRatio <= TARGET && instRatio <= TARGET;
    const control = results.get(r.form.control ?? '');
    // a run more than 25% slower than the fastest one of the same program: the machine was busy
    const spread = Math.max(spreadOf(r), control ? spreadOf(control) : 1);
    const noisy =
      spread > 1.25
        ? ` [check time noisy: runs vary by up to ${Math.round((spread - 1) * 100)}%${RUNS < 9 ? `; try --runs ${Math.max(9, RUNS * 2)}` : ''}]`
        : '';
    const ratios = `check ${fmtRatio(timeRatio)} (min ${fmtRatio(minRatio)}), instantiations ${fmtRatio(instRatio)} vs ${r.form.control}${noisy}`;
    if (!r.form.target) {
      console.log(`${pad(r.form.name, 22)} (context, no target): ${ratios}`);
      continue;
    }
    if (!ok) missed++;
    console.log(`${pad(r.form.name, 22)} ${ok ? 'meets' : 'MISSES'} ≤ ${TARGET}×: ${ratios}`);
  }
  console.log(
    missed === 0
      ? `\nevery fastmcp form meets the ≤ ${TARGET}× target`
      : `\n${missed} fastmcp form(s) miss the ≤ ${TARGET}× target`,
  );
}

function main(): void {
  const version = spawnSync(process.execPath, [TSC, '-v'], { encoding: 'utf8' }).stdout.trim();
  console.log(
    `tsc compile-time cost of ${TOOLS} tool registrations (${version}, node ${process.version}, ${availableParallelism()} CPUs); median of ${RUNS} runs`,
  );
  ensureDist();
  const dts = join(ROOT, 'packages', 'fastmcp', 'dist', 'index.d.ts');
  const sha = createHash('sha256').update(readFileSync(dts)).digest('hex').slice(0, 12);
  console.log(
    `@mcpkit/fastmcp declarations: packages/fastmcp/dist/index.d.ts sha256 ${sha}, built ${statSync(dts).mtime.toISOString()}`,
  );
  const lines = writeFixtures();
  console.log(`fixtures written to ${FIXTURES}`);
  report(measureAll(lines));
}

main();
