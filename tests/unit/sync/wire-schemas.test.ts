/**
 * The schemas a device checks the server's payloads with (common/wire-schemas.ts): every
 * valid fact passes unchanged, a mistyped field anywhere is refused at its path, fields a
 * newer server adds are stripped, and sequence numbers are positive integers.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { SyncEventType } from '../../../common/protocol';
import {
  pullPageEnvelopeSchema,
  pullPageSchema,
  syncEventBodySchema,
  syncEventSchema,
  wirePresenceSchema,
  wireSendSchema,
  wireTypingSchema,
} from '../../../common/wire-schemas';
import { ALL_FACTS, FACTS, T0, wirePresence, wireSend, wireTyping, withValue } from './wire-samples';

type Path = readonly (string | number)[];

/** Refused, and the first issue names the field that was broken. */
function expectRefusedAt(schema: z.ZodType, value: unknown, path: Path): void {
  const parsed = schema.safeParse(value);
  expect(parsed.success, `accepted a bad ${path.join('.')}`).toBe(false);
  expect(parsed.error?.issues[0]?.path).toEqual(path);
}

describe('wire schemas: valid facts', () => {
  it.each(ALL_FACTS.map(f => [f.type, f] as const))('%s parses to itself', (_type, fact) => {
    expect(syncEventSchema.parse(fact)).toStrictEqual(fact);
  });

  it('every fact type has a sample', () => {
    expect(new Set(ALL_FACTS.map(f => f.type)).size).toBe(19);
  });

  it('a fact body (no seq) parses with the body schema; a seq there is stripped', () => {
    for (const { seq, ...body } of ALL_FACTS) {
      expect(seq).toBeGreaterThan(0);
      expect(syncEventBodySchema.parse(body)).toStrictEqual(body);
      expect(syncEventBodySchema.parse({ ...body, seq })).toStrictEqual(body);
    }
  });

  it('a note logged before handovers existed (no kind, draft, summary) reads as a plain note', () => {
    let note: unknown = FACTS['note:added'];
    for (const field of ['kind', 'draft', 'summary']) note = withValue(note, ['note', field], undefined);
    expect(syncEventSchema.parse(note)).toMatchObject({ note: { kind: 'note', draft: null, summary: null } });
  });

  it('the live-only payloads and a whole pull page parse to themselves', () => {
    expect(wireSendSchema.parse(wireSend())).toStrictEqual(wireSend());
    expect(wireTypingSchema.parse(wireTyping)).toStrictEqual(wireTyping);
    expect(wirePresenceSchema.parse(wirePresence)).toStrictEqual(wirePresence);
    const page = { events: [...ALL_FACTS], cursor: 15, hasMore: true };
    expect(pullPageSchema.parse(page)).toStrictEqual(page);
    expect(pullPageEnvelopeSchema.parse(page)).toStrictEqual(page);
  });
});

describe('wire schemas: a mistyped field is refused', () => {
  // One broken field per fact type, covering every kind of wire object and every enum.
  const broken: readonly [SyncEventType, Path, unknown][] = [
    ['chat:upserted', ['chat', 'version'], '3'],
    ['chat:updated', ['chat', 'status'], 'closed'],
    ['chat:granted', ['chat', 'lastMessageAt'], 1.5],
    ['chat:revoked', ['reason'], 'bored'],
    ['messages:upserted', ['messages', 1, 'timestamp'], '2025-01-01'],
    ['contacts:upserted', ['contacts', 0, 'jid'], 42],
    ['note:added', ['note', 'kind'], 'memo'],
    ['send:updated', ['send', 'state'], 'delivered'],
    ['account:updated', ['account', 'memberIds'], 'one'],
    ['account:revoked', ['accountId'], null],
    ['member:updated', ['member', 'role'], 'owner'],
    ['access:revoked', ['reason'], 'bored'],
    ['settings:updated', ['settings', 'agentsSeeUnassigned'], 'yes'],
    ['template:updated', ['template', 'body'], null],
    ['template:deleted', ['id'], ''],
  ];
  it.each(broken)('%s with a bad %j', (type, path, bad) => {
    expectRefusedAt(syncEventSchema, withValue(FACTS[type], path, bad), path);
  });

  it('a required field that is missing, or null where the type has no null, is refused', () => {
    expectRefusedAt(syncEventSchema, withValue(FACTS['chat:upserted'], ['chat', 'name'], null), ['chat', 'name']);
    expectRefusedAt(syncEventSchema, withValue(FACTS['messages:upserted'], ['messages', 0, 'fromMe'], undefined), [
      'messages',
      0,
      'fromMe',
    ]);
    expectRefusedAt(syncEventSchema, withValue(FACTS['note:added'], ['note', 'clientNoteId'], 7), [
      'note',
      'clientNoteId',
    ]);
  });

  it('an unknown fact type is refused', () => {
    expectRefusedAt(syncEventSchema, { type: 'chat:exploded', seq: 1, chatId: 'x' }, ['type']);
    expect(syncEventSchema.safeParse('chat:upserted').success).toBe(false);
  });

  it('the live-only payloads and the page envelope check their fields', () => {
    expectRefusedAt(wireSendSchema, withValue(wireSend(), ['createdAt'], null), ['createdAt']);
    expectRefusedAt(wireSendSchema, withValue(wireSend(), ['chatJid'], undefined), ['chatJid']);
    // A send with a file carries its reference; older servers leave it out (a text).
    const file = { sha256: 'a'.repeat(64), mimeType: 'image/png', fileName: null, size: 12 };
    expect(wireSendSchema.parse(wireSend({ attachment: file })).attachment).toEqual(file);
    expect(wireSendSchema.parse(wireSend()).attachment).toBeUndefined();
    expectRefusedAt(wireSendSchema, wireSend({ attachment: { ...file, size: 1.5 } }), ['attachment', 'size']);
    expectRefusedAt(wireTypingSchema, withValue(wireTyping, ['active'], 'true'), ['active']);
    expectRefusedAt(wireTypingSchema, withValue(wireTyping, ['expiresAt'], 6000.5), ['expiresAt']);
    expectRefusedAt(wirePresenceSchema, withValue(wirePresence, ['status'], 'busy'), ['status']);
    expectRefusedAt(pullPageEnvelopeSchema, { events: {}, cursor: 1, hasMore: false }, ['events']);
    expectRefusedAt(pullPageEnvelopeSchema, { events: [], cursor: -1, hasMore: false }, ['cursor']);
    expectRefusedAt(pullPageEnvelopeSchema, { events: [], cursor: 1 }, ['hasMore']);
    expectRefusedAt(pullPageSchema, { events: [{ ...FACTS['account:revoked'], seq: 0 }], cursor: 1, hasMore: false }, [
      'events',
      0,
      'seq',
    ]);
  });
});

/** A newer server's copy: an extra field in every object, apart from the opaque media and location. */
function withAddedFields(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map(v => withAddedFields(v));
  if (typeof value !== 'object' || value === null || key === 'media' || key === 'location') return value;
  const out: Record<string, unknown> = { addedLater: { x: 1 } };
  for (const [k, v] of Object.entries(value)) out[k] = withAddedFields(v, k);
  return out;
}

describe('wire schemas: what a newer server adds', () => {
  it.each(ALL_FACTS.map(f => [f.type, f] as const))('%s: unknown fields are stripped at every level', (_type, fact) => {
    const newer = withAddedFields(fact);
    expect(JSON.stringify(newer)).toMatch(/addedLater/);
    expect(syncEventSchema.parse(newer)).toStrictEqual(fact);
  });

  it('media and location are opaque: kept as they came', () => {
    const media = { mimeType: 'image/png', futureField: [1, 2] };
    const parsed = syncEventSchema.parse(withValue(FACTS['messages:upserted'], ['messages', 0, 'media'], media));
    expect(parsed.type === 'messages:upserted' && parsed.messages[0]?.media).toStrictEqual(media);
  });

  it('a page envelope with fields a newer server adds still parses, without them', () => {
    const page = { events: [FACTS['account:revoked']], cursor: 10, hasMore: false, serverTime: T0 };
    expect(pullPageSchema.parse(page)).toStrictEqual({
      events: [FACTS['account:revoked']],
      cursor: 10,
      hasMore: false,
    });
  });
});

describe('wire schemas: seq', () => {
  const fact = FACTS['template:deleted'];
  it.each([
    ['zero', 0],
    ['negative', -4],
    ['fractional', 1.5],
    ['a string', '15'],
    ['missing', undefined],
    ['not finite', Number.POSITIVE_INFINITY],
  ])('is refused when %s', (_what, seq) => {
    expectRefusedAt(syncEventSchema, withValue(fact, ['seq'], seq), ['seq']);
  });

  it('is accepted when a positive integer', () => {
    expect(syncEventSchema.parse({ ...fact, seq: 1 }).seq).toBe(1);
    expect(syncEventSchema.parse({ ...fact, seq: 2 ** 40 }).seq).toBe(2 ** 40);
  });
});
