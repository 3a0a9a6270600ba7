/**
 * The schemas a device checks the server's replies to commands with (common/reply-schemas.ts)
 * and how a reply becomes a value or a CommandError (readReply in main/sync/call.ts): every
 * valid reply value parses unchanged, a mistyped or missing field is refused at its path,
 * and an error with a code this version does not know keeps the server's message.
 */
import { describe, expect, it } from 'vitest';
import type { CommandName } from '../../../common/protocol';
import { commandReplySchemas, replyEnvelopeSchema } from '../../../common/reply-schemas';
import { CommandError } from '../../../common/result';
import { readReply } from '../../../main/sync/call';
import { REPLIES } from './wire-replies';
import { FACTS, wireChat, withValue } from './wire-samples';

type Path = readonly (string | number)[];
const COMMANDS = Object.keys(REPLIES) as CommandName[];

/** The value with a field a newer server might add, on it or on each of its items. */
function withAddedField(value: unknown): unknown {
  const add = (v: unknown) => (typeof v === 'object' && v !== null ? { ...v, addedLater: 1 } : v);
  return Array.isArray(value) ? value.map(add) : add(value);
}

/** What readReply threw, or null. */
function thrownBy(name: CommandName, reply: unknown): unknown {
  try {
    readReply(name, reply);
    return null;
  } catch (err) {
    return err;
  }
}

describe('reply schemas: valid replies', () => {
  it.each(COMMANDS)('%s: its sample parses to itself; readReply returns it without fields it does not know', name => {
    expect(commandReplySchemas[name].parse(REPLIES[name])).toStrictEqual(REPLIES[name]);
    const reply = { ok: true, value: withAddedField(REPLIES[name]) };
    expect(readReply(name, reply)).toStrictEqual(REPLIES[name]);
  });

  it('every command has a sample and a schema', () => {
    expect(COMMANDS).toHaveLength(85);
    expect(Object.keys(commandReplySchemas).sort()).toEqual([...COMMANDS].sort());
  });

  it('fields a newer server adds are stripped deeper down too', () => {
    const value = [{ ...wireChat(1), starred: true }];
    expect(readReply('chat:list', { ok: true, value, servedBy: 'node-2' })).toStrictEqual([wireChat(1)]);
    const got = readReply('chat:get', { ok: true, value: { ...REPLIES['chat:get'], draft: 'x' } });
    expect(got).toStrictEqual(REPLIES['chat:get']);
  });

  it('sync:pull: a malformed fact does not refuse the page (facts.ts drops it on its own)', () => {
    const bad = withValue(FACTS['chat:upserted'], ['chat', 'version'], 'three');
    const page = { events: [FACTS['chat:updated'], bad, 42], cursor: 3, hasMore: true };
    expect(commandReplySchemas['sync:pull'].parse(page)).toStrictEqual(page);
    // The envelope is still checked: what it does not know is stripped.
    expect(readReply('sync:pull', { ok: true, value: { ...page, etag: 'x' } })).toStrictEqual(page);
  });
});

describe('reply schemas: a malformed value is refused at its path', () => {
  // Wrong types and missing fields, across every kind of reply value.
  const broken: readonly [CommandName, Path, unknown][] = [
    ['sync:pull', ['cursor'], '1'],
    ['sync:pull', ['events'], { 0: FACTS['chat:upserted'] }],
    ['sync:pull', ['hasMore'], undefined],
    ['sync:push', ['lastSeq'], 0],
    ['sync:push', ['messages'], -1],
    ['account:register', ['memberIds'], 'one'],
    ['account:list', [1, 'hostOnline'], 'yes'],
    ['member:list', [0, 'role'], 'owner'],
    ['member:create', ['email'], undefined],
    ['settings:get', ['agentsSeeUnassigned'], 'no'],
    ['chat:get', ['notes'], undefined],
    ['chat:get', ['chat', 'status'], 'closed'],
    ['chat:list', [1, 'unreadCount'], 1.5],
    ['chat:assign', ['version'], '3'],
    ['chat:claim', ['id'], ''],
    ['messages:list', [0, 'timestamp'], '2025-01-01'],
    ['note:add', ['body'], undefined],
    ['note:add', ['kind'], 'memo'],
    ['typing:set', ['active'], 'yes'],
    ['message:send', ['state'], 'delivered'],
    ['send:pending', [0, 'createdAt'], null],
    ['send:report', ['clientMessageId'], undefined],
    ['template:list', [0, 'body'], null],
    ['template:delete', ['id'], 7],
    ['presence:list', [0, 'status'], 'busy'],
    ['session:revoke', ['sessionId'], undefined],
    ['audit:list', [0, 'at'], 'yesterday'],
    ['mfa:status', ['enabled'], 'yes'],
    ['mfa:enrol', ['secret'], 'not base32!'],
    ['mfa:enrol', ['uri'], 'https://example.com'],
  ];

  it.each(broken.map(([name, path, v]) => [`${name} ${path.join('.')}`, name, path, v] as const))(
    '%s',
    (_label, name, path, replacement) => {
      const value = withValue(REPLIES[name], path, replacement);
      const parsed = commandReplySchemas[name].safeParse(value);
      expect(parsed.success, `accepted a bad ${path.join('.')}`).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(path);

      expect(thrownBy(name, { ok: true, value })).toMatchObject({
        code: 'internal',
        message: 'The workspace server sent a reply this version of Blazz Desk cannot read.',
        details: {
          reason: 'invalid_reply',
          command: name,
          issues: [{ path: ['value', ...path].join('.'), message: expect.any(String) }],
        },
      });
    },
  );

  it.each([
    ['no value', 'chat:assign', undefined],
    ['null for a list', 'chat:list', null],
    ['an object for a list', 'member:list', {}],
    ['a list for an object', 'settings:get', [REPLIES['settings:get']]],
  ] as const)('%s is refused', (_what, name, value) => {
    expect(thrownBy(name, { ok: true, value })).toMatchObject({
      code: 'internal',
      details: { reason: 'invalid_reply', command: name, issues: [{ path: 'value' }] },
    });
  });

  it('names at most five issues', () => {
    const err = thrownBy('chat:list', { ok: true, value: [{}, {}] });
    expect((err as CommandError).details).toMatchObject({ reason: 'invalid_reply' });
    expect((err as { details: { issues: unknown[] } }).details.issues).toHaveLength(5);
  });
});

describe('the reply envelope', () => {
  it.each([
    ['nothing', undefined, '(root)'],
    ['null', null, '(root)'],
    ['a bare value', REPLIES['chat:assign'], 'ok'],
    ['ok as a string', { ok: 'true', value: REPLIES['chat:assign'] }, 'ok'],
    ['an error without a message', { ok: false, error: { code: 'conflict' } }, 'error.message'],
    ['an error code that is not a string', { ok: false, error: { code: 409, message: 'stale' } }, 'error.code'],
    ['ok: false without an error', { ok: false }, 'error'],
  ])('%s is refused as an unreadable reply', (_what, reply, path) => {
    expect(replyEnvelopeSchema.safeParse(reply).success).toBe(false);
    const err = thrownBy('chat:assign', reply);
    expect(err).toBeInstanceOf(CommandError);
    expect(err).toMatchObject({
      code: 'internal',
      details: { reason: 'invalid_reply', command: 'chat:assign', issues: [{ path, message: expect.any(String) }] },
    });
  });

  it("an unknown error code becomes 'internal' with the server's message; a known one comes through as it is", () => {
    const reply = {
      ok: false,
      error: { code: 'quota_exceeded', message: 'This workspace is full.', details: { n: 1 } },
    };
    expect(replyEnvelopeSchema.safeParse(reply).success).toBe(true);
    const err = thrownBy('note:add', reply);
    expect(err).toBeInstanceOf(CommandError);
    expect(err).toMatchObject({
      code: 'internal',
      message: 'This workspace is full.',
      details: { reason: 'unknown_error_code', code: 'quota_exceeded', details: { n: 1 } },
    });

    const details = { chat: wireChat(1, { version: 9 }) };
    const known = thrownBy('chat:assign', {
      ok: false,
      error: { code: 'conflict', message: 'stale version', details },
    });
    expect(known).toBeInstanceOf(CommandError);
    expect(known).toMatchObject({ code: 'conflict', message: 'stale version', details });
  });
});
