import type { ChatTurn } from '../client';

export function summaryPrompt(input: { readonly conversation: string; readonly language: string }): ChatTurn[] {
  const system = [
    'You write hand-over notes so another support agent can take over a WhatsApp conversation.',
    'State what the customer wants, what the agent promised (keep dates, amounts and order references as written), and which questions are still open.',
    `Be brief and factual; do not invent anything. Write in ${input.language}.`,
    'Reply with JSON only: {"customerWants":"...","promised":["..."],"openQuestions":["..."]}',
  ].join('\n');
  return [
    { role: 'system', content: system },
    { role: 'user', content: `Conversation (oldest first):\n${input.conversation}` },
  ];
}
