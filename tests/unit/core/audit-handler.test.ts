/** The core's relay of audit:list: names from this device, and the cursor of the next page. */
import { describe, expect, it } from 'vitest';
import type { ParsedArgs } from '../../../common/api';
import type { Chat, ChatId, Member } from '../../../common/domain';
import type { WireAudit } from '../../../common/protocol';
import { auditListSchema } from '../../../common/protocol-audit';
import { auditHandlers } from '../../../main/core/handlers/audit';

const row = (id: number, over: Partial<WireAudit> = {}): WireAudit => ({
  id,
  memberId: '7d3f1c2a-9b8e-4f6d-a5c4-3b2a1f0e9d8c',
  deviceId: null,
  action: 'chat.assign',
  chatId: 'acct:628@c.us',
  before: null,
  after: null,
  at: 1000 + id,
  ...over,
});

function handler(rows: WireAudit[]) {
  const sent: unknown[] = [];
  const sync = {
    call: (name: string, args: unknown) => {
      sent.push({ name, args });
      return Promise.resolve(rows);
    },
    members: () => [{ id: '7d3f1c2a-9b8e-4f6d-a5c4-3b2a1f0e9d8c', name: 'Ana' } as unknown as Member],
  } as unknown as Parameters<typeof auditHandlers>[0];
  const store = {
    getChat: (id: ChatId) => (id === 'acct:628@c.us' ? ({ name: 'Budi' } as Chat) : null),
  };
  const run = auditHandlers(sync, store)['audit:list'];
  return { list: (args: ParsedArgs<'audit:list'>) => run(args, { transport: 'internal' }), sent };
}

describe('audit:list relay', () => {
  it('adds member and chat names it knows, null for the others', async () => {
    const { list, sent } = handler([row(9), row(8, { memberId: null, chatId: 'other:1@c.us' })]);
    const args = auditListSchema.parse({ action: 'chat.assign', limit: 10 });
    const page = await list(args);
    expect(sent).toEqual([{ name: 'audit:list', args }]);
    expect(page.entries.map(e => [e.memberName, e.chatName])).toEqual([
      ['Ana', 'Budi'],
      [null, null],
    ]);
    expect(page.nextCursor).toBeNull();
  });

  it('a full page points at its last id; a short page is the last', async () => {
    const full = await handler([row(9), row(8)]).list(auditListSchema.parse({ limit: 2 }));
    expect(full.nextCursor).toBe(8);
    const short = await handler([row(9)]).list(auditListSchema.parse({ limit: 2 }));
    expect(short.nextCursor).toBeNull();
  });
});
