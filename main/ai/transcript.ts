/** The conversation as the model reads it: one line per message, oldest first. */
import { previewOf } from '../../common/domain';
import type { AiChatInfo, AiMessage } from './ports';

const MAX_LINE_CHARS = 500;

function speaker(m: AiMessage, chat: AiChatInfo): string {
  if (m.fromMe) return 'Agent';
  // Group members are told apart by name; a 1:1 chat has one customer.
  return chat.isGroup ? `Customer (${m.authorName ?? 'member'})` : 'Customer';
}

/**
 * Lines in time order, cut from the oldest end to fit `maxChars`: the latest messages
 * matter most for a reply. `clean` is the redaction step (identity when it is off).
 */
export function transcript(
  messages: readonly AiMessage[],
  chat: AiChatInfo,
  clean: (text: string) => string,
  maxChars: number,
): string {
  const lines: string[] = [];
  let used = 0;
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const m = messages[i];
    if (!m) continue;
    const text = previewOf(m).replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    const line = `${speaker(m, chat)}: ${clean(text.slice(0, MAX_LINE_CHARS))}`;
    if (used + line.length > maxChars && lines.length > 0) break;
    lines.push(line);
    used += line.length + 1;
  }
  return lines.reverse().join('\n');
}
