/**
 * Compares a JSON Schema generated from one of our zod schemas with the specification's JSON
 * Schema of the same type, on what the spec pins down: types, required fields, const and enum
 * values, which properties exist, open-ness (additionalProperties) and union membership. Our
 * schemas may know more optional properties than an older revision (they are open objects anyway).
 */
import type { JsonSchema } from './spec-data';

export interface CompareOptions {
  /** Definitions of the spec document, for `$ref` resolution. */
  specDefs: Record<string, JsonSchema>;
}

type Schema = JsonSchema;

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function compareSchemas(ours: Schema, spec: Schema, options: CompareOptions): string[] {
  const problems: string[] = [];
  const oursRoot = ours;
  // (our schema node, spec $ref) pairs already under comparison: recursive types compare once
  const seen = new WeakMap<object, Set<string>>();

  const resolveSpec = (s: Schema): Schema => {
    let current = s;
    for (let i = 0; i < 20 && typeof current.$ref === 'string'; i++) {
      const name = current.$ref.split('/').pop() as string;
      const target = options.specDefs[name];
      if (!target) throw new Error(`spec $ref ${current.$ref} does not resolve`);
      current = target;
    }
    return current;
  };
  const resolveOurs = (s: Schema): Schema => {
    let current = s;
    for (let i = 0; i < 20 && typeof current.$ref === 'string'; i++) {
      const ref = current.$ref;
      if (ref === '#') current = oursRoot;
      else if (ref.startsWith('#/$defs/'))
        current = (oursRoot.$defs as Record<string, Schema>)[ref.slice(8)] as Schema;
      else throw new Error(`unexpected $ref ${ref} in our schema`);
    }
    return current;
  };
  /** Spec `allOf` (used by the typed error responses) merged into one object schema. */
  const mergeAllOf = (s: Schema): Schema => {
    if (!Array.isArray(s.allOf)) return s;
    const parts = (s.allOf as Schema[]).map((p) => mergeAllOf(resolveSpec(p)));
    const merged: Schema = { type: 'object', properties: {}, required: [] };
    for (const part of parts) {
      Object.assign(merged.properties as Schema, part.properties ?? {});
      (merged.required as string[]).push(...((part.required as string[]) ?? []));
      if (part.additionalProperties !== undefined)
        merged.additionalProperties = part.additionalProperties;
    }
    // a property named in several parts: merge its constraints too (e.g. code: integer + const)
    for (const part of parts) {
      for (const [key, value] of Object.entries((part.properties as Schema) ?? {})) {
        const existing = (merged.properties as Schema)[key] as Schema;
        (merged.properties as Schema)[key] = { ...existing, ...(value as Schema) };
      }
    }
    merged.required = [...new Set(merged.required as string[])];
    return merged;
  };
  /** A union's members, with `type: [a, b]` lists (also nested ones) split into one member each. */
  const branches = (s: Schema): Schema[] | undefined => {
    const list = Array.isArray(s.anyOf)
      ? (s.anyOf as Schema[])
      : Array.isArray(s.oneOf)
        ? (s.oneOf as Schema[])
        : undefined;
    if (Array.isArray(s.type)) return (s.type as string[]).map((type) => ({ type }));
    return list?.flatMap((b) =>
      Array.isArray(b.type) ? (b.type as string[]).map((type) => ({ type })) : [b],
    );
  };
  const typeOf = (s: Schema): string | undefined => {
    if (typeof s.type === 'string') return s.type;
    if (s.properties !== undefined || s.additionalProperties !== undefined) return 'object';
    return undefined;
  };
  const isOpen = (ap: unknown): boolean =>
    ap === undefined || ap === true || (isObject(ap) && Object.keys(ap).length === 0);

  const walk = (
    oursIn: Schema,
    specIn: Schema,
    path: string,
    depth: number,
    out: string[],
  ): void => {
    if (depth > 40) return;
    const specRef = typeof specIn.$ref === 'string' ? specIn.$ref : undefined;
    const spec = mergeAllOf(resolveSpec(specIn));
    const o = resolveOurs(oursIn);
    if (specRef) {
      const refs = seen.get(o) ?? new Set<string>();
      if (refs.has(specRef)) return;
      refs.add(specRef);
      seen.set(o, refs);
      try {
        walkResolved(o, spec, path, depth, out, specRef);
      } finally {
        refs.delete(specRef);
      }
      return;
    }
    walkResolved(o, spec, path, depth, out, specRef);
  };

  const walkResolved = (
    o: Schema,
    spec: Schema,
    path: string,
    depth: number,
    out: string[],
    specRef: string | undefined,
  ): void => {
    // JSONObject values are any JSON value: as open as an object gets
    if (
      specRef?.endsWith('/JSONObject') &&
      isObject(o.additionalProperties) &&
      isOpen(o.additionalProperties)
    ) {
      if (typeOf(o) !== 'object')
        out.push(`${path}: type object in the spec, ${typeOf(o)} in ours`);
      return;
    }
    const specBranches = branches(spec);
    if (specBranches) {
      let oursBranches = branches(o) ?? [o];
      // The spec's generator emits TypeScript `number` as `integer` (and drops `null`) in the JSON
      // value unions of JSONValue and ElicitResult.content; their TypeScript source says `number`.
      const quirk =
        specBranches.some((b) => b.type === 'integer') &&
        specBranches.some((b) => b.type === 'boolean');
      if (quirk) {
        // the spec's generator turns TypeScript `number` into `integer` in these unions, and drops `null`
        oursBranches = oursBranches.filter((b) => b.type !== 'null');
      }
      if (oursBranches.length !== specBranches.length) {
        out.push(
          `${path}: union of ${specBranches.length} in the spec, ${oursBranches.length} in ours`,
        );
        return;
      }
      const unused = new Set(oursBranches.map((_, i) => i));
      specBranches.forEach((specBranch, i) => {
        let match = -1;
        let firstErrors: string[] | undefined;
        for (const j of unused) {
          const errors: string[] = [];
          walk(
            oursBranches[j] as Schema,
            quirk && resolveSpec(specBranch).type === 'integer' ? { type: 'number' } : specBranch,
            `${path}|${i}`,
            depth + 1,
            errors,
          );
          if (errors.length === 0) {
            match = j;
            break;
          }
          firstErrors ??= errors;
        }
        if (match === -1)
          out.push(
            `${path}: spec branch ${i} (${JSON.stringify(resolveSpec(specBranch)).slice(0, 120)}) matches none of ours${firstErrors ? `; e.g. ${firstErrors[0]}` : ''}`,
          );
        else unused.delete(match);
      });
      return;
    }
    if (branches(o) && !specBranches) {
      out.push(`${path}: ours is a union, the spec is not`);
      return;
    }

    const specType = typeOf(spec);
    const ourType = typeOf(o);
    // an integer const pins an integer, whatever `type` zod writes beside it
    const sameIntegerConst =
      'const' in spec && Number.isInteger(spec.const) && spec.const === o.const;
    if (specType !== undefined && specType !== ourType && !sameIntegerConst) {
      out.push(`${path}: type ${specType} in the spec, ${ourType ?? 'any'} in ours`);
      return;
    }
    if ('const' in spec && JSON.stringify(spec.const) !== JSON.stringify(o.const)) {
      out.push(
        `${path}: const ${JSON.stringify(spec.const)} in the spec, ${JSON.stringify(o.const)} in ours`,
      );
    }
    if (Array.isArray(spec.enum)) {
      const a = [...(spec.enum as unknown[])].map(String).sort();
      const b = Array.isArray(o.enum) ? [...(o.enum as unknown[])].map(String).sort() : [];
      if (JSON.stringify(a) !== JSON.stringify(b))
        out.push(`${path}: enum ${a} in the spec, ${b} in ours`);
    }
    if (specType === 'object') {
      const specRequired = [...((spec.required as string[]) ?? [])].sort();
      const ourRequired = [...((o.required as string[]) ?? [])].sort();
      if (JSON.stringify(specRequired) !== JSON.stringify(ourRequired)) {
        out.push(`${path}: required [${specRequired}] in the spec, [${ourRequired}] in ours`);
      }
      const specProps = (spec.properties as Schema) ?? {};
      const ourProps = (o.properties as Schema) ?? {};
      for (const [key, value] of Object.entries(specProps)) {
        if (!(key in ourProps)) {
          out.push(`${path}.${key}: in the spec, missing in ours`);
          continue;
        }
        walk(ourProps[key] as Schema, value as Schema, `${path}.${key}`, depth + 1, out);
      }
      const specAp = spec.additionalProperties;
      const ourAp = o.additionalProperties;
      if (specAp === false) {
        if (ourAp !== false) out.push(`${path}: closed in the spec, open in ours`);
      } else if (isOpen(specAp)) {
        if (ourAp === false) out.push(`${path}: open in the spec, closed in ours`);
      } else if (isObject(specAp)) {
        if (!isObject(ourAp) || isOpen(ourAp))
          out.push(`${path}: a map of typed values in the spec, not in ours`);
        else walk(ourAp, specAp, `${path}[*]`, depth + 1, out);
      }
    }
    if (specType === 'array' && isObject(spec.items)) {
      if (!isObject(o.items)) out.push(`${path}: array items unspecified in ours`);
      else walk(o.items, spec.items, `${path}[]`, depth + 1, out);
    }
  };

  walk(ours, spec, '', 0, problems);
  return problems;
}
