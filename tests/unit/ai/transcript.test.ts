import { describe, expect, it } from 'vitest';
import { asChatId, asMessageId } from '../../../common/domain';
import type { AiChatInfo, AiMessage } from '../../../main/ai/ports';
import { transcript } from '../../../main/ai/transcript';

const chatId = asChatId('a:group@g.us');
let n = 0;
const m = (fromMe: boolean, body: string | null, extra: Partial<AiMessage> = {}): AiMessage => ({
  id: asMessageId(`a:${(n += 1)}`),
  chatId,
  fromMe,
  authorName: null,
  type: 'text',
  body,
  caption: null,
  timestamp: n,
  revoked: false,
  ...extra,
});
const oneToOne: AiChatInfo = { name: 'Budi', isGroup: false, accountName: null, lastMessageAt: null };
const id = (t: string) => t;

describe('transcript', () => {
  it('labels customer and agent, describes media and deleted messages, skips empty ones', () => {
    const lines = transcript(
      [
        m(false, 'Hi'),
        m(true, 'Hello!'),
        m(false, null, { type: 'image', caption: 'the broken part' }),
        m(false, 'secret', { revoked: true }),
        m(false, '   '),
      ],
      oneToOne,
      id,
      10_000,
    );
    expect(lines).toBe(
      'Customer: Hi\nAgent: Hello!\nCustomer: 📷 Photo: the broken part\nCustomer: This message was deleted',
    );
  });

  it('names group members', () => {
    const group = { ...oneToOne, isGroup: true };
    expect(transcript([m(false, 'hey', { authorName: 'Ana' }), m(false, 'yo')], group, id, 1_000)).toBe(
      'Customer (Ana): hey\nCustomer (member): yo',
    );
  });

  it('drops the oldest lines first to fit, and cleans every line', () => {
    const lines = transcript(
      [m(false, 'old '.repeat(20)), m(false, 'newer'), m(false, 'newest 0812')],
      oneToOne,
      t => t.replace(/\d+/g, '#'),
      40,
    );
    expect(lines).toBe('Customer: newer\nCustomer: newest #');
  });
});
