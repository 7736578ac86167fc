/**
 * RFC 6570 URI templates, as MCP resource templates use them: expansion of every operator (levels
 * 1–4: `{var}`, `{+var}`, `{#var}`, `{.var}`, `{/var}`, `{;var}`, `{?var}`, `{&var}`, prefixes
 * `{var:3}` and explosion `{var*}`), and the reverse: matching a concrete URI to the variables
 * that produce it. The parameter names are also read at the type level, so handlers get typed
 * parameters from the template string alone.
 * @see https://www.rfc-editor.org/rfc/rfc6570
 */

/** A variable's value: a string, or a list for exploded / list variables. */
export type TemplateValue = string | readonly string[];

type Operator = '' | '+' | '#' | '.' | '/' | ';' | '?' | '&';

interface VarSpec {
  name: string;
  explode: boolean;
  prefix: number | undefined;
}

interface Expression {
  operator: Operator;
  vars: VarSpec[];
}

type Part = string | Expression;

interface OperatorRules {
  first: string;
  separator: string;
  named: boolean;
  ifEmpty: string;
  allowReserved: boolean;
}

const RULES: Readonly<Record<Operator, OperatorRules>> = {
  '': { first: '', separator: ',', named: false, ifEmpty: '', allowReserved: false },
  '+': { first: '', separator: ',', named: false, ifEmpty: '', allowReserved: true },
  '#': { first: '#', separator: ',', named: false, ifEmpty: '', allowReserved: true },
  '.': { first: '.', separator: '.', named: false, ifEmpty: '', allowReserved: false },
  '/': { first: '/', separator: '/', named: false, ifEmpty: '', allowReserved: false },
  ';': { first: ';', separator: ';', named: true, ifEmpty: '', allowReserved: false },
  '?': { first: '?', separator: '&', named: true, ifEmpty: '=', allowReserved: false },
  '&': { first: '&', separator: '&', named: true, ifEmpty: '=', allowReserved: false },
};

const OPERATORS = new Set(['+', '#', '.', '/', ';', '?', '&']);
const VARNAME = /^(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:\.?(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2}))*$/;
/** Longest template accepted, and most expressions: templates come from code, but stay bounded. */
const MAX_TEMPLATE_LENGTH = 2048;
const MAX_EXPRESSIONS = 64;
const MAX_URI_LENGTH = 8192;

/**
 * What a value may contain when matching, per operator. Lenient on purpose (clients send "José",
 * not "Jos%C3%A9"): anything but the characters that end the value.
 */
const VALUE_CLASS: Readonly<Record<Operator, (hasQuery: boolean) => string>> = {
  '': () => '[^/?#,]',
  '+': (hasQuery) => (hasQuery ? '[^?#]' : '[^#]'),
  '#': (hasQuery) => (hasQuery ? '[^?]' : '.'),
  '.': () => '[^/?#.,]',
  '/': () => '[^/?#,]',
  ';': () => '[^/?#;,]',
  '?': () => '[^&#]',
  '&': () => '[^&#]',
};

/** A parsed URI template. */
export class UriTemplate {
  readonly template: string;
  /** Every variable name, in order. */
  readonly variableNames: readonly string[];
  private readonly parts: readonly Part[];
  private compiledMatcher: Matcher | undefined;

  constructor(template: string) {
    if (template.length > MAX_TEMPLATE_LENGTH)
      throw new TypeError(`URI template is over ${MAX_TEMPLATE_LENGTH} characters.`);
    this.template = template;
    this.parts = parse(template);
    this.variableNames = this.parts.flatMap((part) =>
      typeof part === 'string' ? [] : part.vars.map((v) => v.name),
    );
  }

  /**
   * Checks that URIs can be matched against this template (every RFC 6570 template expands, but
   * matching needs the query part last); throws a TypeError saying what to change otherwise.
   */
  assertMatchable(): void {
    void this.matcher;
  }

  private get matcher(): Matcher {
    this.compiledMatcher ??= compileMatcher(this.template, this.parts);
    return this.compiledMatcher;
  }

  /** Whether a string holds at least one `{expression}` (else it is a plain URI). */
  static isTemplate(value: string): boolean {
    return /\{[^{}]+\}/.test(value);
  }

  /** Expands the template with `values` (missing variables are left out, per RFC 6570). */
  expand(values: Readonly<Record<string, TemplateValue | undefined>>): string {
    let out = '';
    for (const part of this.parts) {
      out += typeof part === 'string' ? part : expandExpression(part, values);
    }
    return out;
  }

  /**
   * The variables that make this template produce `uri`, or `undefined` when it cannot. Exploded
   * variables come back as lists; the others as strings. Query variables (`{?a,b}`) may appear in
   * any order or be absent; fixed query parameters of the template (`?fixed=yes`) must be there.
   */
  match(uri: string): Record<string, TemplateValue> | undefined {
    // bounded: URIs come from clients, and some templates match in quadratic time
    if (uri.length > MAX_URI_LENGTH) return undefined;
    const { pattern, groups, queryVars, fixedQuery, hasQuery } = this.matcher;
    let path = uri;
    let query = '';
    if (hasQuery) {
      const q = uri.indexOf('?');
      if (q !== -1) {
        path = uri.slice(0, q);
        query = uri.slice(q + 1);
      }
    }
    const found = pattern.exec(path);
    if (!found) return undefined;
    const out: Record<string, TemplateValue> = {};
    for (let i = 0; i < groups.length; i++) {
      const raw = found[i + 1];
      if (raw === undefined) continue;
      const { spec, operator } = groups[i] as MatchGroup;
      const value = decodeValue(raw, spec, operator);
      // a malformed percent-encoding is the expansion of no value: no match
      if (value === undefined) return undefined;
      out[spec.name] = value;
    }
    if (!hasQuery) return out;
    const params = new Map<string, string[]>();
    for (const pair of query.split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      const key = safeDecode(eq === -1 ? pair : pair.slice(0, eq));
      const value = safeDecode(eq === -1 ? '' : pair.slice(eq + 1));
      if (key === undefined || value === undefined) return undefined;
      params.set(key, [...(params.get(key) ?? []), value]);
    }
    for (const [key, value] of fixedQuery) {
      if (!params.get(key)?.includes(value)) return undefined;
    }
    for (const spec of queryVars) {
      const values = params.get(spec.name);
      if (!values) continue;
      out[spec.name] = spec.explode ? values : (values[0] as string);
    }
    return out;
  }

  toString(): string {
    return this.template;
  }
}

interface MatchGroup {
  spec: VarSpec;
  operator: Operator;
}

/** How a template matches URIs: a pattern for the path, and what its query holds. */
interface Matcher {
  pattern: RegExp;
  groups: MatchGroup[];
  queryVars: VarSpec[];
  /** Query parameters written into the template itself (`?fixed=yes`). */
  fixedQuery: Array<[string, string]>;
  hasQuery: boolean;
}

function compileMatcher(template: string, parts: readonly Part[]): Matcher {
  const hasQuery = parts.some((p) =>
    typeof p === 'string' ? p.includes('?') : p.operator === '?' || p.operator === '&',
  );
  let pattern = '^';
  const groups: MatchGroup[] = [];
  const queryVars: VarSpec[] = [];
  const fixedQuery: Array<[string, string]> = [];
  let inQuery = false;
  const addFixed = (text: string) => {
    for (const pair of text.split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      fixedQuery.push(
        eq === -1
          ? [decodeURIComponent(pair), '']
          : [decodeURIComponent(pair.slice(0, eq)), decodeURIComponent(pair.slice(eq + 1))],
      );
    }
  };
  for (const part of parts) {
    if (typeof part === 'string') {
      if (inQuery) {
        if (!/^&/.test(part) && part !== '') {
          throw new TypeError(
            `URI template "${template}": the query must come last; after it only {?…}/{&…} expressions and &name=value parameters may follow (found "${part}").`,
          );
        }
        addFixed(part);
        continue;
      }
      const q = part.indexOf('?');
      if (q === -1) {
        pattern += escapeRegExp(part);
        continue;
      }
      pattern += escapeRegExp(part.slice(0, q));
      addFixed(part.slice(q + 1));
      inQuery = true;
      continue;
    }
    if (part.operator === '?' || part.operator === '&') {
      // query expressions are matched by name, in any order, after the path
      inQuery = true;
      queryVars.push(...part.vars);
      continue;
    }
    if (inQuery) {
      throw new TypeError(
        `URI template "${template}": a {${part.operator}…} expression cannot follow the query; the query must come last.`,
      );
    }
    const rules = RULES[part.operator];
    const valueClass = VALUE_CLASS[part.operator](hasQuery);
    part.vars.forEach((spec, i) => {
      const sep = i === 0 ? escapeRegExp(rules.first) : escapeRegExp(rules.separator);
      const name = rules.named ? `${escapeRegExp(spec.name)}(?:=)?` : '';
      const value = spec.explode
        ? `((?:${valueClass}|${escapeRegExp(rules.separator)})*?)`
        : `(${valueClass}*?)`;
      // every variable may be undefined (left out with its separator)
      pattern += `(?:${sep}${name}${value})?`;
      groups.push({ spec, operator: part.operator });
    });
  }
  return { pattern: new RegExp(`${pattern}$`), groups, queryVars, fixedQuery, hasQuery };
}

function parse(template: string): Part[] {
  const parts: Part[] = [];
  let literal = '';
  let i = 0;
  let expressions = 0;
  while (i < template.length) {
    const ch = template[i] as string;
    if (ch === '}') throw new TypeError(`URI template "${template}": unmatched "}" at ${i}.`);
    if (ch !== '{') {
      literal += ch;
      i++;
      continue;
    }
    const end = template.indexOf('}', i);
    if (end === -1) throw new TypeError(`URI template "${template}": unclosed "{" at ${i}.`);
    if (++expressions > MAX_EXPRESSIONS)
      throw new TypeError(`URI template "${template}" has over ${MAX_EXPRESSIONS} expressions.`);
    if (literal) parts.push(literal);
    literal = '';
    parts.push(parseExpression(template.slice(i + 1, end), template));
    i = end + 1;
  }
  if (literal) parts.push(literal);
  return parts;
}

function parseExpression(body: string, template: string): Expression {
  let operator: Operator = '';
  let list = body;
  if (OPERATORS.has(body[0] as string)) {
    operator = body[0] as Operator;
    list = body.slice(1);
  }
  const vars = list.split(',').map((raw): VarSpec => {
    let name = raw;
    let explode = false;
    let prefix: number | undefined;
    if (name.endsWith('*')) {
      explode = true;
      name = name.slice(0, -1);
    } else {
      const colon = name.indexOf(':');
      if (colon !== -1) {
        const length = Number(name.slice(colon + 1));
        if (!Number.isInteger(length) || length < 1 || length > 9999)
          throw new TypeError(`URI template "${template}": bad prefix in "{${body}}".`);
        prefix = length;
        name = name.slice(0, colon);
      }
    }
    if (!VARNAME.test(name))
      throw new TypeError(
        `URI template "${template}": bad variable name "${name}" in "{${body}}".`,
      );
    return { name, explode, prefix };
  });
  return { operator, vars };
}

function expandExpression(
  expression: Expression,
  values: Readonly<Record<string, TemplateValue | undefined>>,
): string {
  const rules = RULES[expression.operator];
  const pieces: string[] = [];
  for (const spec of expression.vars) {
    const value = values[spec.name];
    if (value === undefined) continue;
    const encode = (s: string) => encodeValue(s, rules.allowReserved);
    if (typeof value === 'string') {
      const text = encode(spec.prefix ? [...value].slice(0, spec.prefix).join('') : value);
      if (rules.named)
        pieces.push(value === '' ? `${spec.name}${rules.ifEmpty}` : `${spec.name}=${text}`);
      else pieces.push(text);
      continue;
    }
    if (value.length === 0) continue;
    if (!spec.explode) {
      const joined = value.map(encode).join(',');
      pieces.push(rules.named ? `${spec.name}=${joined}` : joined);
    } else if (rules.named) {
      pieces.push(
        value
          .map((v) => (v === '' ? `${spec.name}${rules.ifEmpty}` : `${spec.name}=${encode(v)}`))
          .join(rules.separator),
      );
    } else {
      pieces.push(value.map(encode).join(rules.separator));
    }
  }
  return pieces.length === 0 ? '' : rules.first + pieces.join(rules.separator);
}

/** Percent-encodes everything outside unreserved (and reserved, for `+` and `#`) characters. */
function encodeValue(value: string, allowReserved: boolean): string {
  const encoded = encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  if (!allowReserved) return encoded;
  // `+` and `#` let reserved characters through, and pct-encoded triplets already in the value
  return encoded
    .replace(/%(2[1346789ABCF]|3[ABDF]|40|5B|5D)/gi, (match) => decodeURIComponent(match))
    .replace(/%25([0-9A-Fa-f]{2})/g, '%$1');
}

function decodeValue(raw: string, spec: VarSpec, operator: Operator): TemplateValue | undefined {
  const rules = RULES[operator];
  if (spec.explode) {
    const items = raw === '' ? [] : raw.split(rules.separator);
    const decoded = items.map((item) => {
      const value =
        rules.named && item.startsWith(`${spec.name}=`) ? item.slice(spec.name.length + 1) : item;
      return safeDecode(value);
    });
    if (decoded.some((v) => v === undefined)) return undefined;
    return decoded as string[];
  }
  return safeDecode(raw);
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    // a malformed percent-encoding cannot be the expansion of any value
    return undefined;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// -----------------------------------------------------------------------------------------------
// Types: the parameters of a template string

type Expressions<T extends string> = T extends `${string}{${infer E}}${infer Rest}`
  ? E | Expressions<Rest>
  : never;

type Split<S extends string> = S extends `${infer A},${infer B}` ? A | Split<B> : S;

type StripOperator<E extends string> =
  E extends `${'+' | '#' | '.' | '/' | ';' | '?' | '&'}${infer V}` ? V : E;

type BareName<V extends string> = V extends `${infer N}*`
  ? N
  : V extends `${infer N}:${string}`
    ? N
    : V;

type QueryExpressions<T extends string> = Extract<Expressions<T>, `${'?' | '&'}${string}`>;
type PathExpressions<T extends string> = Exclude<Expressions<T>, QueryExpressions<T>>;

type VarsOf<E extends string> = Split<StripOperator<E>>;

type ValueOf<V extends string> = V extends `${string}*` ? string[] : string;

/**
 * The parameters a template string yields: path variables are required strings, query variables
 * (`{?a,b}`) optional, exploded ones (`{/path*}`) lists.
 * @example TemplateParams<'users://{id}/files{/path*}{?q}'> // { id: string; path: string[]; q?: string }
 */
export type TemplateParams<T extends string> = string extends T
  ? Record<string, string | string[]>
  : {
      [V in VarsOf<PathExpressions<T>> as BareName<V>]: ValueOf<V>;
    } & {
      [V in VarsOf<QueryExpressions<T>> as BareName<V>]?: ValueOf<V>;
    };

/** Whether a URI string type holds a template expression. */
export type IsTemplate<T extends string> = string extends T
  ? boolean
  : T extends `${string}{${string}}${string}`
    ? true
    : false;
