/**
 * Media of a teammate's number, end to end: device A (a lead) hosts a simulated account and
 * sends photos; device B (another lead of that account) opens them. B asks the workspace's
 * blob store, the server asks A (`media:requested`), A uploads the file, and B gets it.
 * Real server, real MariaDB, two full cores.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../../common/domain';
import { asClientMessageId } from '../../../common/domain';
import { pngOf } from '../../../main/accounts/providers/simulator/media';
import { mediaPathOf } from '../../../main/platform/media-store';
import type { Core } from '../../../main/core/core';
import { HOST_NOT_SENDING } from '../../../main/sync/media-fetch';
import { blobPath } from '../../../sync-server/src/http/blobs';
import { callCore as call, until } from '../../helpers/core';
import type { Stack } from '../server/harness';
import { PASSWORD, must, startStack, tmpBlobDir } from '../server/harness';
import { desktops, hostSimulatedNumber, signInAndPush } from './desktops';

const ctx = { transport: 'internal' } as const;
const blobs = tmpBlobDir();
const desks = desktops('media');
afterEach(ctx => desks.printLogsIfFailed(ctx));
let stack: Stack;
let deviceA: Core;
let deviceB: Core;
let accountId: string;
let chatId: string;
let firstPhotoId: string;

/** Sends a PNG from the host and waits until device B has the message with its hash. */
async function sendPhoto(variant: number): Promise<{ bytes: Buffer; onA: Message; onB: Message }> {
  const bytes = pngOf(variant, 64, 48);
  const sent = await call(deviceA, 'messages:send', {
    chatId,
    attachment: { fileName: `photo-${variant}.png`, mimeType: 'image/png', dataBase64: bytes.toString('base64') },
  });
  const clientId = asClientMessageId(sent.clientMessageId ?? '');
  const onA = await until('the photo sent by WhatsApp', () => {
    const m = deviceA.store.getMessagesByClientIds([clientId])[0];
    return m?.ack !== 'pending' && m?.media?.localPath ? m : null;
  });
  const onB = await until('the photo reaches B with its hash', () => {
    const m = deviceB.store.getMessages([onA.id])[0];
    return m?.media?.sha256 ? m : null;
  });
  return { bytes, onA, onB };
}

const bytesOf = (dataUrl: string) => Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');

beforeAll(async () => {
  stack = await startStack({ blobDir: blobs.dir });
  const admin = await stack.device('admin', 'Ada Admin');
  const lead = await stack.member('lead', 'Lena Lead');
  const viewer = await stack.member('lead', 'Vic Viewer');
  deviceA = await desks.open();
  deviceB = await desks.open();

  ({ accountId, chatId } = await hostSimulatedNumber(deviceA, 'Sales'));
  await signInAndPush(deviceA, stack.node.url, lead.email);
  await must(admin.socket, 'account:add-member', { accountId, memberId: viewer.id });
  await call(deviceB, 'workspace:signIn', { serverUrl: stack.node.url, email: viewer.email, password: PASSWORD });
  await until('B online', async () => (await call(deviceB, 'workspace:status', {})).connection === 'online');
}, 120_000);

afterAll(async () => {
  await deviceA?.close();
  await deviceB?.close();
  await stack?.stop();
  desks.removeAll();
  blobs.remove();
});

describe('media of a number hosted on another desktop', () => {
  it('a teammate opens a photo: the host uploads it on request and the bytes arrive intact', async () => {
    const { bytes, onA, onB } = await sendPhoto(1);
    const sha = onB.media!.sha256!;
    firstPhotoId = onB.id;
    expect(onB.media!.localPath).toBeNull();
    // Nobody asked for it yet: the server has no copy.
    expect(existsSync(blobPath(blobs.dir, sha))).toBe(false);

    const { url } = await call(deviceB, 'media:url', { messageId: onB.id });
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    expect(onB.media!.sha256).toBe(onA.media!.sha256);
    expect(bytesOf(url).equals(readFileSync(onA.media!.localPath!))).toBe(true);
    expect(bytesOf(url).equals(bytes)).toBe(true);
    // It went through the workspace: the host uploaded it when the server asked.
    expect(readFileSync(blobPath(blobs.dir, sha)).equals(bytes)).toBe(true);
    // Kept content-addressed on B, so the next look needs no server.
    expect(existsSync(mediaPathOf(deviceB.info().dataDir, sha, 'image/png'))).toBe(true);
  });

  it('a second look is served from the local copy, without the server', async () => {
    // The server loses its copy: asking it again would now fail (HTTP 500).
    rmSync(blobs.dir, { recursive: true, force: true });
    const { url } = await call(deviceB, 'media:url', { messageId: firstPhotoId });
    expect(bytesOf(url).equals(pngOf(1, 64, 48))).toBe(true);
  });

  it("a teammate's attachment goes to the server, and the host sends it through its number once", async () => {
    const bytes = pngOf(3, 80, 60);
    const sent = await call(deviceB, 'messages:send', {
      chatId,
      text: 'Ini fotonya',
      attachment: { fileName: 'from-b.png', mimeType: 'image/png', dataBase64: bytes.toString('base64') },
    });
    const clientId = asClientMessageId(sent.clientMessageId ?? '');
    const onA = await until('the host sent the teammate’s photo', () => {
      const m = deviceA.store.getMessagesByClientIds([clientId])[0];
      return m?.ack !== 'pending' && m?.media?.localPath ? m : null;
    });
    expect(onA).toMatchObject({ type: 'image', caption: 'Ini fotonya', fromMe: true });
    expect(readFileSync(onA.media!.localPath!).equals(bytes)).toBe(true);
    // The sender's message settles as sent, under the host's provider id.
    await until('B sees it sent', () => {
      const m = deviceB.store.getMessagesByClientIds([clientId])[0];
      return m && m.ack !== 'pending' && m.ack !== 'failed' ? m : null;
    });
    // Once: one message for the client id on the host, and the server's send settled once.
    const onHost = deviceA.store.getMessages([onA.id]);
    expect(onHost).toHaveLength(1);
    expect(deviceA.store.getMessagesByClientIds([clientId])).toHaveLength(1);
    const [rows] = await stack.node.app.database.raw.query<RowDataPacket[]>(
      'select state, attachment from sends where client_message_id = ?',
      [clientId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'sent' });
  }, 60_000);

  it('with the host desktop closed, the teammate is told the host has not sent the file', async () => {
    const { onB } = await sendPhoto(2);
    await deviceA.close();
    const started = Date.now();
    const reply = await deviceB.dispatch('media:url', { messageId: onB.id }, ctx);
    expect(reply).toEqual({ ok: false, error: { code: 'unavailable', message: HOST_NOT_SENDING } });
    // Retried for a while (the host may be slow), but not forever.
    expect(Date.now() - started).toBeGreaterThan(5_000);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);
});
