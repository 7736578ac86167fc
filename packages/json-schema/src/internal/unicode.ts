/**
 * The number of Unicode code points in a string, which is what JSON Schema's length keywords
 * count: a surrogate pair (one emoji) is one character, not two UTF-16 units.
 */
export function codePointLength(text: string): number {
  let count = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}
