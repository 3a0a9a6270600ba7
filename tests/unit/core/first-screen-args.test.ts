/**
 * The core process's first step checks its four commands' arguments by hand (#23): for
 * each, the hand check and the command's zod schema (common/api/inbox.ts) accept and refuse
 * the same arguments, and what they pass on to the handler is the same.
 */
import { describe, expect, it } from 'vitest';
import { inboxCommands } from '../../../common/api/inbox';
import { checkArgs, firstScreenShape } from '../../../main/core/first-screen-args';
import { FIRST_SCREEN_COMMANDS } from '../../../main/core/first-screen';

const long = (n: number) => 'x'.repeat(n);
const chatId = 'acc_1:6281@c.us';

/** Values every key is tried with, beside the per-command samples below. */
const anyValues: unknown[] = [
  undefined,
  null,
  0,
  1,
  -1,
  1.5,
  200,
  201,
  NaN,
  Infinity,
  '',
  'ab',
  'abc',
  long(64),
  long(65),
  long(100),
  long(101),
  long(200),
  long(201),
  long(420),
  long(421),
  long(600),
  long(601),
  true,
  false,
  [],
  ['acc_1'],
  ['open'],
  ['open', 'pending', 'resolved', 'open'],
  ['not an id!'],
  [1],
  {},
  'open',
];

const samples: Record<(typeof FIRST_SCREEN_COMMANDS)[number], unknown[]> = {
  'chats:list': [
    {},
    { limit: 20 },
    { limit: 0 },
    { limit: 50.5 },
    { accountIds: ['acc_1', 'acc-2'], statuses: ['open', 'pending'], unreadOnly: true, archived: false },
    { accountIds: Array.from({ length: 100 }, (_, i) => `a${i}`) },
    { accountIds: Array.from({ length: 101 }, (_, i) => `a${i}`) },
    { accountIds: ['acc:1'] },
    { accountIds: [''] },
    { statuses: ['closed'] },
    { assigneeId: null },
    { assigneeId: '' },
    { assigneeId: 'm1' },
    { tag: 'vip' },
    { tag: '' },
    { cursor: '0:123:acc_1:6281@c.us' },
    { cursor: null },
    { cursor: undefined, limit: undefined },
    { other: 1 },
    { limit: 20, extra: undefined },
  ],
  'chats:get': [{ chatId }, {}, { chatId: 'ab' }, { chatId, more: true }],
  'chats:unreadCounts': [{}, { a: 1 }],
  'messages:list': [
    { chatId },
    { chatId, limit: 60, before: 'c1', after: null, aroundMessageId: null },
    { chatId, aroundMessageId: 'acc_1:m1' },
    { chatId, aroundMessageId: 'm' },
    { before: 'c' },
    { chatId, limit: 300 },
  ],
};

/** Every key of the command's shape set to each of the values above, alone and on top of a valid argument. */
function generated(name: (typeof FIRST_SCREEN_COMMANDS)[number]): unknown[] {
  const shape = firstScreenShape(name) ?? {};
  const valid = name === 'chats:get' || name === 'messages:list' ? { chatId } : {};
  return Object.keys(shape).flatMap(key => anyValues.flatMap(v => [{ [key]: v }, { ...valid, [key]: v }]));
}

const notObjects: unknown[] = [null, 'x', 1, [], [{}], true];

describe("the first step's argument checks", () => {
  for (const name of FIRST_SCREEN_COMMANDS) {
    it(`${name}: accepts, refuses and passes on what its zod schema does`, () => {
      const shape = firstScreenShape(name);
      expect(shape).not.toBeNull();
      const all = [...samples[name], ...generated(name), ...notObjects];
      for (const raw of all) {
        const schema = inboxCommands[name].args.safeParse(raw);
        const mine = checkArgs(shape!, raw);
        const label = JSON.stringify(raw) ?? String(raw);
        expect({ label, ok: mine.ok }).toEqual({ label, ok: schema.success });
        if (mine.ok && schema.success) expect({ label, value: mine.value }).toEqual({ label, value: schema.data });
      }
      // The comparison ran over accepted and refused arguments both.
      expect(all.some(raw => checkArgs(shape!, raw).ok)).toBe(true);
      expect(all.some(raw => !checkArgs(shape!, raw).ok)).toBe(true);
    });
  }

  it('has no checker for a command the first step does not answer', () => {
    expect(firstScreenShape('chats:markRead')).toBeNull();
    expect(firstScreenShape('toString')).toBeNull();
    expect(firstScreenShape('__proto__')).toBeNull();
  });
});
