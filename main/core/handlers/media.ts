import { readFile, stat } from 'node:fs/promises';
import type { mediaCommands } from '../../../common/api/media';
import { MAX_INLINE_MEDIA_BYTES } from '../../../common/api/media';
import type { MediaInfo, MessageId } from '../../../common/domain';
import { CommandError } from '../../../common/result';
import type { AccountManager } from '../../accounts/manager';
import type { Store } from '../../store';
import type { HandlerTable } from '../router';

type MediaHandlers = Pick<HandlerTable, keyof typeof mediaCommands>;

// Only types a browser renders safely inline; anything else (HTML, SVG with scripts…) is
// served as a download-only octet stream so it can never run in the app's origin.
const INLINE_TYPES =
  /^(image\/(png|jpeg|gif|webp)|video\/(mp4|webm)|audio\/(ogg|mpeg|mp4|aac|wav|webm)|application\/pdf)$/;

export function mediaHandlers(store: Store, accounts: Pick<AccountManager, 'request' | 'list'>): MediaHandlers {
  async function localFile(messageId: MessageId): Promise<{ path: string; media: MediaInfo }> {
    const message = store.getMessages([messageId])[0];
    if (!message?.media) throw new CommandError('not_found', 'This message has no media.');
    if (message.media.localPath) return { path: message.media.localPath, media: message.media };
    const chat = store.getChat(message.chatId);
    const hosted = accounts.list().some(a => a.id === message.accountId && a.state === 'ready');
    if (!chat || !hosted)
      throw new CommandError('unavailable', 'The media is on the phone or the desktop that hosts this number.');
    const downloaded = await accounts.request(message.accountId, {
      op: 'downloadMedia',
      chatJid: chat.jid,
      providerMessageId: message.providerMessageId,
    });
    if (!downloaded?.localPath) throw new CommandError('not_found', 'WhatsApp no longer has this media.');
    return { path: downloaded.localPath, media: { ...message.media, ...downloaded } };
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
