/**
 * The length of `JSON.stringify(value)` without building that string: the command size
 * check ran JSON.stringify over every payload, a second encoding of a push's ≈ 250 KB
 * (Socket.IO had just parsed it) whose only use was its length, and garbage to collect.
 *
 * Payloads come from Socket.IO's JSON.parse: plain objects, arrays, strings, finite numbers,
 * booleans and null. Anything else (a binary attachment's Buffer, say) is measured by
 * JSON.stringify itself, so the figure is the same either way. Counting stops once it
 * passes `max`: an oversized payload is refused without being walked to its end.
 */

/**
 * Characters JSON.stringify writes as an escape sequence rather than as themselves: the
 * quote, the backslash, control characters (U+0000 to U+001F) and surrogates (a lone one is
 * escaped; a string with pairs is measured by JSON.stringify too). Built from a string so
 * the control characters appear as escapes in the source.
 */
const NEEDS_ESCAPE = new RegExp(`["\\\\${String.fromCharCode(0)}-${String.fromCharCode(0x1f)}\\ud800-\\udfff]`);

const stringSize = (s: string): number => (NEEDS_ESCAPE.test(s) ? JSON.stringify(s).length : s.length + 2);

function isPlainObject(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Size of one value; counting stops (and returns early) once `budget` is spent. */
function sizeWithin(value: unknown, budget: number): number {
  switch (typeof value) {
    case 'string':
      return stringSize(value);
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    case 'object':
      break;
    default: {
      // Only at the top: what JSON cannot encode there has no length (the old check threw too).
      const text = JSON.stringify(value) as string | undefined;
      return text === undefined ? Number.POSITIVE_INFINITY : text.length;
    }
  }
  if (value === null) return 4;
  if (Array.isArray(value)) {
    let n = 1 + Math.max(0, value.length - 1) + 1;
    for (let i = 0; i < value.length && n <= budget; i++) {
      const item: unknown = value[i];
      // JSON writes null for what it cannot encode inside an array.
      n +=
        item === undefined || typeof item === 'function' || typeof item === 'symbol' ? 4 : sizeWithin(item, budget - n);
    }
    return n;
  }
  if (!isPlainObject(value) || 'toJSON' in value) return JSON.stringify(value).length;
  let n = 2;
  let members = 0;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const item: unknown = (value as Record<string, unknown>)[key];
    // JSON leaves out members it cannot encode.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    n += (members++ > 0 ? 1 : 0) + stringSize(key) + 1 + sizeWithin(item, budget - n);
    if (n > budget) return n;
  }
  return n;
}

/**
 * JSON.stringify(value ?? null).length, or a number above `max` as soon as it is known to
 * exceed it (Infinity where JSON.stringify would throw: a cycle, nesting too deep).
 */
export function jsonSize(value: unknown, max = Number.POSITIVE_INFINITY): number {
  try {
    return sizeWithin(value ?? null, max);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
