/** Reading a model's sentiment answer (common/automation/sentiment.ts): zod-checked, hostile text is no verdict. */
import { describe, expect, it } from 'vitest';
import {
  completionSchema,
  parseSentimentAnswer,
  SENTIMENT_TEXT_CHARS,
  sentimentTurns,
} from '../../../common/automation/sentiment';

describe('sentiment answer', () => {
  it('reads JSON, fenced JSON, JSON in prose and the bare word', () => {
    expect(parseSentimentAnswer('{"sentiment":"negative"}')).toBe('negative');
    expect(parseSentimentAnswer('```json\n{"sentiment": "positive"}\n```')).toBe('positive');
    expect(parseSentimentAnswer('Here you go: {"sentiment":"neutral"} hope it helps')).toBe('neutral');
    expect(parseSentimentAnswer(' Negative. ')).toBe('negative');
  });

  it('gives no verdict for anything else', () => {
    expect(parseSentimentAnswer('{"sentiment":"furious"}')).toBeNull();
    expect(parseSentimentAnswer('{"sentiment":')).toBeNull();
    expect(parseSentimentAnswer('the customer seems rather cheerful')).toBeNull();
    expect(parseSentimentAnswer('{"__proto__":{"sentiment":"negative"}}')).toBeNull();
    expect(parseSentimentAnswer('x'.repeat(1_000_000))).toBeNull();
  });

  it('checks the completion shape', () => {
    expect(completionSchema.safeParse({ choices: [{ message: { content: 'x' } }] }).success).toBe(true);
    expect(completionSchema.safeParse({ choices: [] }).success).toBe(false);
    expect(completionSchema.safeParse({ choices: [{ message: { content: 42 } }] }).success).toBe(false);
  });

  it('sends only the start of the message, whitespace folded', () => {
    const [, user] = sentimentTurns(`  buruk\n\n sekali ${'a'.repeat(1_000)}`);
    expect(user?.content.startsWith('buruk sekali a')).toBe(true);
    expect(user?.content.length).toBe(SENTIMENT_TEXT_CHARS);
  });

  it('redacts phone numbers, e-mail addresses and long digit runs before sending', () => {
    const [, user] = sentimentTurns('Telepon saya 0812-3456-7890 atau budi@example.co.id, pesanan 12345678 kecewa');
    expect(user?.content).toBe('Telepon saya [phone] atau [email], pesanan [number] kecewa');
  });
});
