/**
 * One message's sentiment from an OpenAI-compatible chat model, for rules with a sentiment
 * condition on the workspace server: the prompt and the reading of the answer. Pure. The
 * answer is untrusted text: it is checked with zod and anything else reads as no verdict.
 */
import { z } from 'zod';
import { redact } from '../ai-redact';
import type { Sentiment } from './rules/schema';
import { SENTIMENTS } from './rules/schema';

/** The part of a message the model sees: sentiment shows early, and the prompt stays small. */
export const SENTIMENT_TEXT_CHARS = 300;

export type SentimentTurn = { readonly role: 'system' | 'user'; readonly content: string };

export function sentimentTurns(text: string): SentimentTurn[] {
  return [
    {
      role: 'system',
      content: [
        "You rate a customer's message to a support team.",
        'sentiment: the customer\'s mood: "positive", "neutral" or "negative".',
        'Messages may be in any language.',
        'Reply with JSON only: {"sentiment":"neutral"}',
      ].join('\n'),
    },
    // Phone numbers, e-mail addresses and long digit runs say nothing of a mood: they stay here.
    { role: 'user', content: redact(text.slice(0, 2_000)).replace(/\s+/g, ' ').trim().slice(0, SENTIMENT_TEXT_CHARS) },
  ];
}

/** An OpenAI-compatible chat completion, only as far as we read it. */
export const completionSchema = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string().max(10_000).nullable() }) }))
    .min(1)
    .max(20),
});

const verdictSchema = z.object({ sentiment: z.enum(SENTIMENTS) });

/** The verdict in the model's text: `{"sentiment":"negative"}` (also fenced or in prose) or the bare word. */
export function parseSentimentAnswer(content: string): Sentiment | null {
  const text = content.slice(0, 2_000);
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start >= 0 && end > start) {
    try {
      const parsed = verdictSchema.safeParse(JSON.parse(text.slice(start, end + 1)));
      if (parsed.success) return parsed.data.sentiment;
    } catch {
      // Not JSON: the bare word below may still be there.
    }
  }
  const word = text
    .trim()
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  return (SENTIMENTS as readonly string[]).includes(word) ? (word as Sentiment) : null;
}
