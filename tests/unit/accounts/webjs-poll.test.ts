/** Polls through the webjs provider, built with whatsapp-web.js 1.34.7's own Message and PollVote classes. */
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderEvent } from '../../../main/accounts/provider';
import type { FakeWwebClient } from '../../helpers/accounts/fake-wweb';
import { rawMessage } from '../../helpers/accounts/fake-wweb';
import type { WebjsRig } from '../../helpers/accounts/webjs-rig';
import { A, GROUP, createWebjsRig } from '../../helpers/accounts/webjs-rig';

const require = createRequire(import.meta.url);
const LibPollVote = require('whatsapp-web.js/src/structures/PollVote.js') as new (c: unknown, d: object) => object;

let r: WebjsRig;
let fake: FakeWwebClient;
let events: ProviderEvent[];

beforeEach(async () => {
  r = createWebjsRig();
  ({ fake, events } = r);
  await r.start();
  r.ready();
});
afterEach(() => r.dispose());

describe('webjs provider: polls', () => {
  it('maps poll_creation to a poll message and vote_update to each voter’s current choice', () => {
    const options = [
      { name: 'Pagi', localId: 0 },
      { name: 'Sore', localId: 1 },
    ];
    const raw = rawMessage({ chat: GROUP, type: 'poll_creation', sender: '628111222333@c.us' });
    const data = { ...raw, pollName: 'Jam buka favorit?', pollOptions: options, pollSelectableOptionsCount: 1 };
    fake.emit('message_create', fake.msg(data as never));
    const message = r.messages().at(-1);
    expect(message).toMatchObject({
      type: 'poll',
      body: 'Jam buka favorit?',
      poll: { question: 'Jam buka favorit?', options: ['Pagi', 'Sore'], multiple: false },
    });
    fake.emit(
      'vote_update',
      new LibPollVote(fake, {
        sender: '628555@c.us',
        selectedOptionLocalIds: [1],
        senderTimestampMs: Date.now(),
        parentMessage: data,
        parentMsgKey: raw.id,
      }),
    );
    const vote = events.flatMap(e => (e.kind === 'vote' ? [e.vote] : []));
    expect(vote).toEqual([
      expect.objectContaining({
        accountId: A,
        providerMessageId: raw.id._serialized,
        voterJid: '628555@c.us',
        options: ['Sore'],
      }),
    ]);
  });
});
