import { describe, expect, it } from 'vitest';
import type { Account } from '../../../common/domain';
import { asAccountId } from '../../../common/domain';
import { senderChoices } from '../../../renderer/src/features/composer/sender-choices';

const account = (id: string, phone: string | null): Account => ({
  id: asAccountId(id),
  provider: 'webjs',
  name: id,
  phone,
  color: '#1e88e5',
  state: phone ? 'ready' : 'qr',
  stateCode: null,
  stateReason: null,
  retryAt: null,
  stoppedAfterTries: null,
  qr: null,
  pairingCode: null,
  muted: false,
  unreadCount: 0,
  rssBytes: null,
  createdAt: 0,
});

describe('the numbers a reply may go out from', () => {
  const linked = account('sales', '6281100000001');
  const support = account('support', '6281100000002');
  const neverLinked = account('new', null);

  it('leaves out a number that was never linked', () => {
    const ids = senderChoices([linked, support, neverLinked], { accountId: linked.id }, linked).map(a => a.id);
    expect(ids).toEqual([linked.id, support.id]);
  });

  it("keeps the chat's own number and the chosen one even before they are linked", () => {
    expect(senderChoices([linked, neverLinked], { accountId: neverLinked.id }, undefined)).toContain(neverLinked);
    expect(senderChoices([linked, neverLinked], { accountId: linked.id }, neverLinked)).toContain(neverLinked);
  });

  it("offers only the chat's own number in a group: another number is not in it", () => {
    const ids = senderChoices([linked, support, neverLinked], { accountId: support.id, isGroup: true }, linked).map(
      a => a.id,
    );
    expect(ids).toEqual([support.id]);
  });
});
