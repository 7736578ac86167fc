// Annotation tracking for unevaluatedProperties / unevaluatedItems. Collectors exist only while
// a schema with one of those keywords is being applied, so schemas without them never allocate.

/** Which properties of one object the keywords applied so far have evaluated. */
export class EvaluatedProps {
  all = false;
  keys: Set<string> | null = null;

  add(key: string): void {
    if (this.all) return;
    if (this.keys === null) this.keys = new Set();
    this.keys.add(key);
  }

  has(key: string): boolean {
    return this.all || this.keys?.has(key) === true;
  }

  merge(other: EvaluatedProps): void {
    if (this.all) return;
    if (other.all) {
      this.all = true;
      return;
    }
    if (other.keys !== null) for (const key of other.keys) this.add(key);
  }
}

/** Which items of one array the keywords applied so far have evaluated. */
export class EvaluatedItems {
  /** Items `0 .. upTo-1` are evaluated; Infinity means all. */
  upTo = 0;
  /** Further evaluated indices (2020-12 `contains` matches). */
  indices: Set<number> | null = null;

  prefix(count: number): void {
    if (count > this.upTo) this.upTo = count;
  }

  add(index: number): void {
    if (index < this.upTo) return;
    if (this.indices === null) this.indices = new Set();
    this.indices.add(index);
  }

  has(index: number): boolean {
    return index < this.upTo || this.indices?.has(index) === true;
  }

  merge(other: EvaluatedItems): void {
    this.prefix(other.upTo);
    if (other.indices !== null) for (const index of other.indices) this.add(index);
  }
}
