import { readFile, stat } from 'node:fs/promises';
import type { mediaCommands } from '../../../common/api/media';
import { MAX_INLINE_MEDIA_BYTES } from '../../../common/api/media';
import type { MediaInfo, Message, MessageId } from '../../../common/domain';
import { asAccountId, messageIdOf } from '../../../common/domain';
import { CommandError } from '../../../common/result';
import type { AccountManager } from '../../accounts/manager';
import type { Store } from '../../store';
import type { FetchFromWorkspace } from '../../sync/media-fetch';
import type { HostedMediaFile } from '../../sync/media-upload';
import type { HandlerTable } from '../router';

type MediaHandlers = Pick<HandlerTable, keyof typeof mediaCommands>;
type MediaAccounts = Pick<AccountManager, 'request' | 'list'>;

const NOT_HERE = 'The media is on the phone or the desktop that hosts this number.';

// Only types a browser renders safely inline; anything else (HTML, SVG with scripts…) is
// served as a download-only octet stream so it can never run in the app's origin.
const INLINE_TYPES =
  /^(image\/(png|jpeg|gif|webp)|video\/(mp4|webm)|audio\/(ogg|mpeg|mp4|aac|wav|webm)|application\/pdf)$/;

/**
 * The file of a message of an account this desktop runs: on disk already, or downloaded
 * through the account. Null when the account is not ready here or WhatsApp lost the media.
 */
async function hostedMediaFileOf(
  store: Store,
  accounts: MediaAccounts,
  message: Message,
): Promise<{ path: string; media: MediaInfo } | null> {
  if (!message.media) return null;
  if (message.media.localPath) return { path: message.media.localPath, media: message.media };
  const chat = store.getChat(message.chatId);
  const ready = accounts.list().some(a => a.id === message.accountId && a.state === 'ready');
  if (!chat || !ready) return null;
  const downloaded = await accounts.request(message.accountId, {
    op: 'downloadMedia',
    chatJid: chat.jid,
    providerMessageId: message.providerMessageId,
  });
  if (!downloaded?.localPath) return null;
  return { path: downloaded.localPath, media: { ...message.media, ...downloaded } };
}

/** For the workspace's `media:requested`: the file of a hosted account's message, by its WhatsApp id. */
export function hostedMediaFile(store: Store, accounts: MediaAccounts): HostedMediaFile {
  return async (accountId, providerMessageId) => {
    const message = store.getMessages([messageIdOf(asAccountId(accountId), providerMessageId)])[0];
    const file = message ? await hostedMediaFileOf(store, accounts, message) : null;
    return file ? { path: file.path, mimeType: file.media.mimeType } : null;
  };
}

/**
 * @param fetchFromWorkspace media of a teammate's number, through the workspace server;
 *   resolves null when this desktop is not signed in to a workspace.
 */
export function mediaHandlers(
  store: Store,
  accounts: MediaAccounts,
  fetchFromWorkspace: FetchFromWorkspace = async () => null,
): MediaHandlers {
  async function localFile(messageId: MessageId): Promise<{ path: string; media: MediaInfo }> {
    const message = store.getMessages([messageId])[0];
    if (!message?.media) throw new CommandError('not_found', 'This message has no media.');
    if (message.media.localPath) return { path: message.media.localPath, media: message.media };
    const account = accounts.list().find(a => a.id === message.accountId);
    if (!account) {
      // A teammate's number: its desktop uploads the file to the workspace when asked.
      const { sha256, mimeType } = message.media;
      const path = sha256 ? await fetchFromWorkspace({ sha256, mimeType }) : null;
      if (path) return { path, media: message.media };
      throw new CommandError('unavailable', NOT_HERE);
    }
    if (account.state !== 'ready' || !store.getChat(message.chatId)) throw new CommandError('unavailable', NOT_HERE);
    const file = await hostedMediaFileOf(store, accounts, message);
    if (!file) throw new CommandError('not_found', 'WhatsApp no longer has this media.');
    return file;
  }

  return {
    'media:url': async ({ messageId }) => {
      const { path, media } = await localFile(messageId as MessageId);
      const size = await stat(path).then(
        s => s.size,
        () => {
          throw new CommandError('not_found', 'The media file is missing from the data folder.');
        },
      );
      if (size > MAX_INLINE_MEDIA_BYTES)
        throw new CommandError('payload_too_large', 'This file is too large to preview; download it instead.');
      const type = INLINE_TYPES.test(media.mimeType) ? media.mimeType : 'application/octet-stream';
      return { url: `data:${type};base64,${(await readFile(path)).toString('base64')}` };
    },
  };
}
