/**
 * Exact decimal arithmetic on money strings. Amounts are scaled to integers (BigInt) with
 * SCALE decimals, added as integers and printed back, so that `0.1 + 0.2` is `0.3` and sums of
 * any size are exact: money is never a float (ARCHITECTURE.md, "Persistence").
 */
export const SCALE = 8; // the most decimals the Decimal scalar accepts
const FACTOR = 10n ** BigInt(SCALE);
const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d*))?$|^([+-]?)\.(\d+)$/;

/** `"12.5"` -> 1250000000n (12.5 scaled by 10^8); throws on anything but a plain decimal of at most 8 decimals. */
export function toScaled(text: string): bigint {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
  const sign = match[1] ?? match[4] ?? '';
  const whole = match[2] ?? '0';
  const fraction = (match[3] ?? match[5] ?? '').replace(/0+$/, '');
  if (fraction.length > SCALE) throw new RangeError(`more than ${SCALE} decimals: ${JSON.stringify(text)}`);
  const units = BigInt(whole) * FACTOR + BigInt(fraction.padEnd(SCALE, '0') || '0');
  return sign === '-' ? -units : units;
}

/** 1250000000n -> `"12.5"`: no trailing zeros, no trailing dot, `"0"` for zero. */
export function fromScaled(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const whole = abs / FACTOR;
  const fraction = (abs % FACTOR).toString().padStart(SCALE, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** The canonical text of a decimal (`"1000.5000"` and `"1000.5"` both give `"1000.5"`). */
export function canonicalDecimal(text: string): string {
  return fromScaled(toScaled(text));
}

/** The exact sum; null and undefined count as zero. */
export function addDecimals(values: ReadonlyArray<string | null | undefined>): string {
  let total = 0n;
  for (const value of values) if (value !== null && value !== undefined) total += toScaled(value);
  return fromScaled(total);
}

/** `value / divisor` rounded half away from zero to `decimals` places (at most SCALE). */
export function divideDecimal(value: string, divisor: number, decimals = 4): string {
  if (!Number.isSafeInteger(divisor) || divisor === 0) throw new RangeError(`cannot divide by ${divisor}`);
  if (decimals < 0 || decimals > SCALE) throw new RangeError(`decimals must be between 0 and ${SCALE}`);
  const step = 10n ** BigInt(SCALE - decimals);
  const numerator = toScaled(value);
  const denominator = BigInt(divisor) * step;
  const negative = (numerator < 0n) !== (denominator < 0n);
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  if ((n % d) * 2n >= d) quotient += 1n; // half away from zero
  const units = quotient * step;
  return fromScaled(negative ? -units : units);
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const x = toScaled(a);
  const y = toScaled(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Digits before and after the point, for checks against a column's precision and scale. */
export function decimalDigits(text: string): { integer: number; fraction: number; negative: boolean } {
  const canonical = canonicalDecimal(text);
  const negative = canonical.startsWith('-');
  const [whole, fraction = ''] = canonical.replace('-', '').split('.');
  return { integer: whole === '0' ? 0 : whole.length, fraction: fraction.length, negative };
}
