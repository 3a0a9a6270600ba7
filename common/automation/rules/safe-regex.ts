/**
 * Regular expressions that leads write into rules, made safe to run on every inbound
 * message on the server's path. JavaScript cannot interrupt a running regex, so instead of
 * a time budget the pattern is checked when it is saved and the input is capped when it
 * runs: no nested repetition (`(a+)+`), no repeated alternation (`(a|a)*`), no
 * back-references, at most one unbounded repetition and a few bounded choices. That keeps
 * the worst case near n² steps on at most REGEX_INPUT_MAX characters (milliseconds).
 */

export const REGEX_PATTERN_MAX = 100;
/** Only the start of a message is matched against a pattern. */
export const REGEX_INPUT_MAX = 1_000;
/** Repetitions without an upper bound (`*`, `+`, `{n,}`) or with a wide one (`{0,50}`). */
const UNBOUNDED_MAX = 1;
/** `?`, narrow ranges like `{1,3}` and `|`: each at most doubles the backtracking. */
const CHOICES_MAX = 6;
const WIDE_RANGE = 10;

export type RegexProblem =
  'too_long' | 'invalid' | 'nested_repetition' | 'back_reference' | 'too_many_repetitions' | 'too_many_choices';

type Group = { repeats: boolean; alternates: boolean };

/** A quantifier at `i`, if any: its length and whether it is unbounded or a choice. */
function quantifierAt(p: string, i: number): { len: number; unbounded: boolean; choice: boolean } | null {
  const c = p[i];
  let len = 0;
  let unbounded = false;
  let choice = false;
  if (c === '*' || c === '+') [len, unbounded] = [1, true];
  else if (c === '?') [len, choice] = [1, true];
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i));
    if (!m) return null;
    len = m[0].length;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    unbounded = max - min > WIDE_RANGE;
    choice = !unbounded && max > min;
  } else return null;
  // A lazy or possessive-looking suffix belongs to the same quantifier.
  if (p[i + len] === '?') len += 1;
  return { len, unbounded, choice };
}

/** Why a pattern may not be used, or null when it is safe. */
export function regexProblem(pattern: string): RegexProblem | null {
  if (pattern.length > REGEX_PATTERN_MAX) return 'too_long';
  try {
    new RegExp(pattern, 'iu');
  } catch {
    return 'invalid';
  }
  const stack: Group[] = [{ repeats: false, alternates: false }];
  let unbounded = 0;
  let choices = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || next === 'k')) return 'back_reference';
      i += 1;
      if (inClass) continue;
    } else if (inClass) {
      if (c !== ']') continue;
      inClass = false;
    } else if (c === '[') {
      inClass = true;
      continue;
    } else if (c === '(') {
      stack.push({ repeats: false, alternates: false });
      continue;
    } else if (c === '|') {
      stack[stack.length - 1]!.alternates = true;
      choices += 1;
      continue;
    } else if (c === ')') {
      const inner = stack.pop()!;
      const q = quantifierAt(pattern, i + 1);
      const repeated = q !== null && (q.unbounded || q.choice);
      if (repeated && (inner.repeats || inner.alternates)) return 'nested_repetition';
      const parent = stack[stack.length - 1]!;
      // Whatever repeats inside a group repeats inside its parent too.
      if (inner.repeats || repeated) parent.repeats = true;
      if (q?.unbounded) unbounded += 1;
      if (q?.choice) choices += 1;
      if (q) i += q.len;
      continue;
    }
    const q = quantifierAt(pattern, i + 1);
    if (!q) continue;
    if (q.unbounded) unbounded += 1;
    if (q.choice) choices += 1;
    if (q.unbounded || q.choice) stack[stack.length - 1]!.repeats = true;
    i += q.len;
  }
  if (unbounded > UNBOUNDED_MAX) return 'too_many_repetitions';
  if (choices > CHOICES_MAX) return 'too_many_choices';
  return null;
}

const compiled = new Map<string, RegExp | null>();
/** Patterns kept compiled; past this the cache starts over (rules change rarely). */
const CACHE_MAX = 500;

function compile(pattern: string): RegExp | null {
  let re = compiled.get(pattern);
  if (re !== undefined) return re;
  re = regexProblem(pattern) === null ? new RegExp(pattern, 'iu') : null;
  if (compiled.size >= CACHE_MAX) compiled.clear();
  compiled.set(pattern, re);
  return re;
}

/** Case-insensitive test of a checked pattern on the capped text; an unsafe pattern never matches. */
export function safeRegexTest(pattern: string, text: string): boolean {
  const re = compile(pattern);
  return re !== null && re.test(text.slice(0, REGEX_INPUT_MAX));
}
