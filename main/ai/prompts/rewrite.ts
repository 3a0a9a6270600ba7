import type { RewriteStyle } from '../../../common/api/ai';
import type { ChatTurn } from '../client';

const instructions: Record<Exclude<RewriteStyle, 'translate'>, string> = {
  friendlier: 'Rewrite the draft so it sounds warmer and friendlier.',
  shorter: 'Rewrite the draft shorter and clearer.',
  formal: 'Rewrite the draft in a polite, professional tone.',
};

export type RewritePromptInput = {
  readonly draft: string;
  readonly style: RewriteStyle;
  readonly targetLanguage: string | null;
  /** Recent customer messages, only to recognise their language when translating. */
  readonly customerSample: string | null;
};

export function rewritePrompt(input: RewritePromptInput): ChatTurn[] {
  const task =
    input.style === 'translate'
      ? `Translate the draft into ${input.targetLanguage ?? 'the language the customer writes in (see their messages below)'}.`
      : `${instructions[input.style]} Keep it in the language of the draft.`;
  const system = [
    'You edit replies a support agent is about to send on WhatsApp.',
    task,
    'Keep the meaning, names, numbers, links and {{placeholders}} exactly. Add no new facts or promises.',
    'Reply with the rewritten text only: no quotes, no explanations.',
  ].join('\n');
  const sample =
    input.style === 'translate' && input.customerSample ? `Customer messages:\n${input.customerSample}\n\n` : '';
  return [
    { role: 'system', content: system },
    { role: 'user', content: `${sample}Draft:\n${input.draft}` },
  ];
}
