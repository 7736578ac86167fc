import type { Dialect } from '../types';
import type { Check, Entry, ScopeFrame } from './context';

/** A schema resource: the root document or a subschema with its own `$id`. */
export interface Resource {
  /** Absolute URI without fragment. */
  readonly uri: string;
  /** Schema path of the resource root, e.g. `#` or `#/$defs/node`. */
  readonly path: string;
  readonly dialect: Dialect;
  /** `$dynamicAnchor` names declared in this resource, mapped to their schema paths. */
  readonly dynamicAnchors: Map<string, string>;
  /** 2019-09 `$recursiveAnchor: true` on the resource root. */
  recursiveAnchor: boolean;
}

/** Where a subschema sits: its node plus everything needed to interpret it. */
export interface Location {
  readonly node: unknown;
  /** Schema path used in issues, e.g. `#/properties/address`. */
  readonly path: string;
  /** Base URI that relative `$ref`s in this subschema resolve against. */
  readonly base: string;
  readonly dialect: Dialect;
  readonly resource: Resource;
}

/** What keyword compilers need from the schema compiler. */
export interface Compiler {
  readonly assertFormats: boolean;
  /** The document uses unevaluatedProperties / unevaluatedItems, so annotations are tracked. */
  readonly tracking: boolean;
  /** The document uses $dynamicRef / $recursiveRef, so the dynamic scope is tracked. */
  readonly dynamic: boolean;
  /** Records a problem that makes the schema invalid (thrown as InvalidSchemaError). */
  problem(path: string, message: string): void;
  /** Records a warning that does not stop compilation. */
  warn(message: string): void;
  /** Compiles the subschema `node` found at `segments` below `loc`. */
  child(loc: Location, segments: readonly (string | number)[], node: unknown): Check;
  /** Compiles the schema at `loc` (cached by path), returning its entry for indirect calls. */
  entry(loc: Location): Entry;
  /** Resolves a reference from `loc`; undefined when not followed (warned or a problem). */
  resolve(loc: Location, keyword: string, ref: string): Location | undefined;
  /** The runtime frame of a resource, for the dynamic scope. */
  frame(resource: Resource): ScopeFrame;
  /** Compiles a `pattern`-like regex, recording a problem when it does not compile. */
  regex(pattern: string, path: string): RegExp | undefined;
}
