import { toPointer } from '../pointer';
import type { ValidationIssue } from '../types';
import type { EvaluatedItems, EvaluatedProps } from './evaluated';

/** A compiled schema (or keyword): true when the value passes. Reports issues into `ctx`. */
export type Check = (value: unknown, ctx: Ctx) => boolean;

/** A compiled schema location; `fn` is set once compiled, so recursive refs can point at it. */
export interface Entry {
  fn: Check | null;
}

/** What a resource in the dynamic scope offers `$dynamicRef` / `$recursiveRef`. */
export interface ScopeFrame {
  readonly dynamicAnchors: ReadonlyMap<string, Entry>;
  recursiveAnchor: Entry | null;
}

/**
 * Mutable state of one `validate` call. One instance is reused per compiled schema, so the
 * success path allocates nothing: the instance path is a stack of segments pushed and popped on
 * descent, and the issue list is created on the first issue.
 */
export class Ctx {
  readonly path: (string | number)[] = [];
  issues: ValidationIssue[] | null = null;
  /** True when a failing check should return at once: nothing more is being reported. */
  failFast = false;
  /** Evaluated-property collector of the innermost schema with unevaluatedProperties. */
  props: EvaluatedProps | null = null;
  /** Evaluated-item collector of the innermost schema with unevaluatedItems. */
  items: EvaluatedItems | null = null;
  /** The dynamic scope: resources entered so far, outermost first (only when refs need it). */
  readonly scope: ScopeFrame[] = [];
  busy = false;
  private full = false;
  private quiet = 0;

  constructor(private max: number) {}

  reset(): void {
    this.busy = false;
    this.path.length = 0;
    this.scope.length = 0;
    this.issues = null;
    this.failFast = false;
    this.full = false;
    this.quiet = 0;
    this.props = null;
    this.items = null;
  }

  /** Records an issue at the current instance path. Callers check `failFast` first. */
  report(schemaPath: string, keyword: string, message: string): void {
    if (this.failFast) return;
    if (this.issues === null) this.issues = [];
    this.issues.push({ instancePath: toPointer(this.path), schemaPath, keyword, message });
    if (this.issues.length >= this.max) this.full = this.failFast = true;
  }

  /** Subschemas whose failure is not itself an error (anyOf branches, if, not) run quietly. */
  enterQuiet(): void {
    this.quiet++;
    this.failFast = true;
  }

  exitQuiet(): void {
    if (--this.quiet === 0) this.failFast = this.full;
  }

  /**
   * The first issue `check` finds in `value`, for explaining a failed anyOf / oneOf branch or
   * property name. Only runs on the failure path.
   */
  firstIssue(check: Check, value: unknown): ValidationIssue | undefined {
    const { issues, full, quiet, failFast, max, props, items } = this;
    this.issues = null;
    this.full = this.failFast = false;
    this.quiet = 0;
    this.max = 1;
    this.props = this.items = null;
    check(value, this);
    const found = this.issues?.[0];
    this.issues = issues;
    this.full = full;
    this.quiet = quiet;
    this.failFast = failFast;
    this.max = max;
    this.props = props;
    this.items = items;
    return found;
  }

  /** The current instance path as a JSON pointer. */
  pointer(): string {
    return toPointer(this.path);
  }
}
