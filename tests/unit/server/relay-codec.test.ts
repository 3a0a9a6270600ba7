import { describe, expect, it } from 'vitest';
import { createRelayCodec, leadingUid } from '../../../sync-server/src/relay-codec';

const packet = { type: 2, data: ['chat:updated', { chatId: 'a:1@c.us' }], nsp: '/sync' };
const opts = { rooms: ['admins'], except: [], flags: {} };

describe('relay codec', () => {
  it('reads the uid a broadcast starts with, from a buffer or a string', () => {
    const text = JSON.stringify(['Ab3_x-9Z', packet, opts]);
    expect(leadingUid(text)).toBe('Ab3_x-9Z');
    expect(leadingUid(Buffer.from(text))).toBe('Ab3_x-9Z');
    expect(leadingUid(JSON.stringify({ uid: 'Ab3_x-9Z', type: 1 }))).toBeNull();
    expect(leadingUid('["unterminated')).toBeNull();
    expect(leadingUid(`["${'x'.repeat(100)}",1]`)).toBeNull();
  });

  it('answers its own broadcasts with the uid alone and parses everyone else’s', () => {
    const a = createRelayCodec();
    const b = createRelayCodec();
    const fromA = a.encode(['node-a', packet, opts]);
    const fromB = b.encode(['node-b', packet, opts]);
    // Node A hears its own echo: the adapter only needs the uid to drop it.
    expect(a.decode(Buffer.from(fromA))).toEqual(['node-a']);
    // Node A hears node B: the whole packet, as sent.
    expect(a.decode(Buffer.from(fromB))).toEqual(['node-b', packet, opts]);
    expect(b.decode(fromA)).toEqual(['node-a', packet, opts]);
  });

  it('passes requests (objects) through untouched both ways', () => {
    const a = createRelayCodec();
    const request = { uid: 'node-a', requestId: 'r1', type: 2, rooms: ['member:1'] };
    const encoded = a.encode(request);
    expect(a.decode(encoded)).toEqual(request);
  });
});
