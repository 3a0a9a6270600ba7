import type { ChatTurn } from '../client';

export type SentimentPromptChat = { readonly key: string; readonly lines: readonly string[] };

export function sentimentPrompt(chats: readonly SentimentPromptChat[]): ChatTurn[] {
  const system = [
    'You rate new customer messages for a support team, one verdict per chat.',
    'sentiment: the customer\'s mood: "positive", "neutral" or "negative".',
    'urgency: 0 no rush, 1 normal question, 2 complaint or blocked task, 3 needs an answer now (angry, outage, money or safety at risk).',
    'Messages may be in any language.',
    'Reply with JSON only: {"chats":[{"id":"c1","sentiment":"neutral","urgency":1}]}',
  ].join('\n');
  // Chats are named by short keys: real chat ids contain phone numbers.
  const user = chats.map(c => `${c.key}:\n${c.lines.map(l => `- ${l}`).join('\n')}`).join('\n\n');
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}
