/** Digits after the decimal point in the shortest representation of `n` (`1.5e-7` has 8). */
export function decimalPlaces(n: number): number {
  const text = String(n);
  const e = text.indexOf('e');
  const mantissa = e === -1 ? text : text.slice(0, e);
  const exponent = e === -1 ? 0 : Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const fraction = dot === -1 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, fraction - exponent);
}

/**
 * Whether `value` is a multiple of `divisor` (> 0) without binary floating point noise, so
 * 0.3 is a multiple of 0.1. Both numbers are scaled to integers by their decimal places when
 * that stays exact; otherwise the quotient decides.
 */
export function isMultipleOf(value: number, divisor: number, divisorDecimals: number): boolean {
  if (Number.isInteger(value) && divisorDecimals === 0) {
    return Number.isSafeInteger(value) && Number.isSafeInteger(divisor)
      ? value % divisor === 0
      : Number.isInteger(value / divisor);
  }
  // Every integer is a multiple of 1/n; checked directly because value/divisor may overflow
  if (Number.isInteger(value) && Number.isInteger(1 / divisor)) return true;
  const decimals = Math.max(decimalPlaces(value), divisorDecimals);
  if (decimals <= 20) {
    const scale = 10 ** decimals;
    const v = Math.round(value * scale);
    const d = Math.round(divisor * scale);
    if (Number.isSafeInteger(v) && Number.isSafeInteger(d) && d !== 0) return v % d === 0;
  }
  return Number.isInteger(value / divisor);
}
