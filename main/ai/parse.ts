/**
 * Reading model output. Models wrap JSON in prose or code fences, number their lines and
 * sometimes ignore the format altogether, so every reader validates with zod and falls
 * back to plain text where that still makes sense.
 */
import { z } from 'zod';
import type { HandoverSummary, Sentiment, Urgency } from '../../common/api/ai';

export const MAX_SUGGESTIONS = 3;
const MAX_SUGGESTION_CHARS = 600;

/** The first JSON object or array in the text, or null. */
export function extractJson(text: string): unknown {
  const unfenced = text.replace(/```(?:json)?/gi, '');
  const start = unfenced.search(/[[{]/);
  if (start < 0) return null;
  const open = unfenced[start];
  const close = open === '{' ? '}' : ']';
  const end = unfenced.lastIndexOf(close);
  if (end <= start) return null;
  try {
    return JSON.parse(unfenced.slice(start, end + 1)) as unknown;
  } catch {
    return null;
  }
}

const cleanLine = (line: string): string =>
  line
    .trim()
    .replace(/^(?:[-*•]|\d{1,2}[.)]|\(\d{1,2}\))\s*/, '')
    .replace(/^(?:reply|option|suggestion)\s*\d*\s*:\s*/i, '')
    .replace(/^["“'](.*)["”']$/s, '$1')
    .trim();

// "Here are three replies:" and similar preambles are not replies.
const isPreamble = (line: string): boolean => line.endsWith(':') || /^here (?:are|is)\b/i.test(line);

function tidy(candidates: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of candidates) {
    const text = cleanLine(c).slice(0, MAX_SUGGESTION_CHARS);
    if (text === '' || isPreamble(text) || out.includes(text)) continue;
    out.push(text);
    if (out.length === MAX_SUGGESTIONS) break;
  }
  return out;
}

const suggestionsJson = z.union([
  z.array(z.string()),
  z.object({ replies: z.array(z.string()) }).transform(o => o.replies),
  z.object({ suggestions: z.array(z.string()) }).transform(o => o.suggestions),
]);

const looksLikeJson = (text: string): boolean => /^\s*(?:```(?:json)?\s*)?[[{]/i.test(text);

export function parseSuggestions(text: string): string[] {
  if (looksLikeJson(text)) {
    const parsed = suggestionsJson.safeParse(extractJson(text));
    // JSON that does not match the shape is not usable as lines either.
    return parsed.success ? tidy(parsed.data) : [];
  }
  return tidy(text.split(/\r?\n/));
}

/**
 * Suggestions already complete in a partial stream, so chips can appear one by one:
 * finished string literals of a JSON answer, or finished lines of a plain one.
 */
export function completedSuggestions(soFar: string): string[] {
  if (looksLikeJson(soFar)) {
    const arrayStart = soFar.indexOf('[');
    if (arrayStart < 0) return [];
    const literals = soFar.slice(arrayStart).match(/"(?:[^"\\]|\\.)*"/g) ?? [];
    const strings: string[] = [];
    for (const literal of literals) {
      try {
        strings.push(JSON.parse(literal) as string);
      } catch {
        // a literal cut inside an escape: it completes in a later chunk
      }
    }
    return tidy(strings);
  }
  const lastBreak = soFar.lastIndexOf('\n');
  return lastBreak < 0 ? [] : tidy(soFar.slice(0, lastBreak).split(/\r?\n/));
}

const listOfText = z
  .union([z.array(z.unknown()), z.string(), z.null()])
  .transform(v =>
    (Array.isArray(v) ? v : v ? [v] : []).filter((x): x is string => typeof x === 'string' && x.trim() !== ''),
  );

const summaryJson = z.object({
  customerWants: z.string().default(''),
  promised: listOfText.default([]),
  openQuestions: listOfText.default([]),
});

export function summaryText(s: Omit<HandoverSummary, 'text'>): string {
  const list = (items: readonly string[]) => (items.length === 0 ? '—' : items.map(i => `• ${i}`).join('\n'));
  return [
    `Customer wants: ${s.customerWants || '—'}`,
    `Promised:\n${list(s.promised)}`,
    `Open questions:\n${list(s.openQuestions)}`,
  ].join('\n');
}

export function parseSummary(text: string): HandoverSummary | null {
  const parsed = summaryJson.safeParse(extractJson(text));
  if (
    parsed.success &&
    (parsed.data.customerWants || parsed.data.promised.length || parsed.data.openQuestions.length)
  ) {
    const parts = {
      customerWants: parsed.data.customerWants.trim(),
      promised: parsed.data.promised,
      openQuestions: parsed.data.openQuestions,
    };
    return { ...parts, text: summaryText(parts) };
  }
  if (looksLikeJson(text)) return null;
  // A prose summary is still a useful hand-over note.
  const prose = text.trim().slice(0, 4_000);
  return prose === '' ? null : { customerWants: prose, promised: [], openQuestions: [], text: prose };
}

export function parseRewrite(text: string): string | null {
  if (looksLikeJson(text)) {
    const parsed = z.object({ text: z.string().min(1) }).safeParse(extractJson(text));
    return parsed.success ? parsed.data.text.trim() : null;
  }
  const stripped = text
    .trim()
    .replace(/^```\w*\n?|\n?```$/g, '')
    .replace(/^["“](.*)["”]$/s, '$1')
    .trim();
  return stripped === '' ? null : stripped;
}

export type SentimentVerdict = { readonly sentiment: Sentiment; readonly urgency: Urgency };

const verdictJson = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  sentiment: z
    .string()
    .transform(s => s.trim().toLowerCase())
    .pipe(z.enum(['positive', 'neutral', 'negative'])),
  urgency: z.coerce.number().transform(n => Math.max(0, Math.min(3, Math.round(n))) as Urgency),
});

/** Verdicts by the short ids of the request; entries that do not validate are dropped. */
export function parseSentiment(text: string): Map<string, SentimentVerdict> | null {
  const json = extractJson(text);
  const list = Array.isArray(json) ? json : z.object({ chats: z.array(z.unknown()) }).safeParse(json).data?.chats;
  if (!list) return null;
  const out = new Map<string, SentimentVerdict>();
  for (const item of list) {
    const v = verdictJson.safeParse(item);
    if (v.success) out.set(v.data.id, { sentiment: v.data.sentiment, urgency: v.data.urgency });
  }
  return out;
}
