import type { Template } from '../../../common/domain';
import type { ChatTurn } from '../client';

export type SuggestPromptInput = {
  readonly accountName: string | null;
  readonly customerName: string;
  readonly agentLanguage: string | null;
  readonly templates: readonly Template[];
  readonly conversation: string;
};

export function suggestPrompt(input: SuggestPromptInput): ChatTurn[] {
  const business = input.accountName ? ` for "${input.accountName}"` : '';
  const fallbackLanguage = input.agentLanguage ? ` If you cannot tell it, use ${input.agentLanguage}.` : '';
  const system = [
    `You help a customer-support agent${business} answer on WhatsApp.`,
    'Write three different short replies the agent could send next, each under 300 characters.',
    "Answer in the customer's language." + fallbackLanguage,
    'Be friendly and concrete. Never invent prices, dates, stock or promises; if something is unknown, ask for it or say you will check.',
    "Use one of the team's templates when it fits; fill in what you know and leave {{placeholders}} otherwise.",
    'Reply with JSON only: {"replies":["...","...","..."]}',
  ].join('\n');
  const templates =
    input.templates.length === 0
      ? '(none)'
      : input.templates.map(t => `- ${t.title}: ${t.body.replace(/\s+/g, ' ')}`).join('\n');
  const user = `Team templates:\n${templates}\n\nCustomer: ${input.customerName}\nConversation (oldest first):\n${input.conversation}`;
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}
