/**
 * Every id has one format (common/ids.ts), wide enough for what desktops, whatsapp-web.js
 * and the simulator produce, and strict enough that composite keys cannot collide.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chatIdOf, asAccountId } from '../../../common/domain';
import {
  accountIdSchema,
  chatIdSchema,
  jidSchema,
  providerMessageIdSchema,
  splitChatId,
  uuidSchema,
} from '../../../common/ids';
import { rawMessage } from '../../helpers/accounts/fake-wweb';

const desktopAccountId = () => `acc_${randomUUID().replace(/-/g, '').slice(0, 12)}`;

describe('ids', () => {
  it('accepts the account ids desktops, tests and the simulator make, and none with ":" or path parts', () => {
    for (const ok of [desktopAccountId(), 'acc_sim', 'a1', `fz-${randomUUID()}`, 'a'.repeat(64)])
      expect(accountIdSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['', 'a:1', 'acc 1', '../../etc', 'a'.repeat(65), 'acc\u0000', 'ácc'])
      expect(accountIdSchema.safeParse(bad).success, bad).toBe(false);
  });

  it('accepts WhatsApp jids of every kind and nothing else', () => {
    const good = [
      '628123456789@c.us',
      '628123456789@s.whatsapp.net',
      '628123456789:12@s.whatsapp.net',
      '99887766@lid',
      '120363000000000001@g.us',
      '628123-1611111111@g.us',
      '120363111111111111@newsletter',
      'status@broadcast',
      '1611111111@broadcast',
    ];
    for (const ok of good) expect(jidSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['', '@c.us', 'x@c.us', '628@example.com', '628 1@c.us', 'a:1@c.us', '628@c.us\n'])
      expect(jidSchema.safeParse(bad).success, bad).toBe(false);
  });

  it("accepts whatsapp-web.js's serialized message ids, one-to-one and in groups", () => {
    for (const chat of ['628123@c.us', '120363000000000001@g.us']) {
      const id = rawMessage({ chat, body: 'x' }).id._serialized;
      expect(providerMessageIdSchema.safeParse(id).success, id).toBe(true);
    }
    for (const bad of ['', 'a b', 'a/b', "a'b", 'x'.repeat(201), 'm\u0000'])
      expect(providerMessageIdSchema.safeParse(bad).success, bad).toBe(false);
  });

  it('takes chat ids that split into an account id and a jid, and no other', () => {
    const id = chatIdOf(asAccountId(desktopAccountId()), '628123@c.us');
    expect(chatIdSchema.safeParse(id).success).toBe(true);
    expect(splitChatId('v:1:2@s.whatsapp.net')).toEqual({ accountId: 'v', jid: '1:2@s.whatsapp.net' });
    for (const bad of ['628123@c.us', 'a:', ':628@c.us', 'a:b@c.us', 'a b:628@c.us'])
      expect(chatIdSchema.safeParse(bad).success, bad).toBe(false);
  });

  it('takes uuids only for member, session, note and template ids', () => {
    expect(uuidSchema.safeParse(randomUUID()).success).toBe(true);
    expect(uuidSchema.safeParse('not-a-uuid').success).toBe(false);
  });
});
