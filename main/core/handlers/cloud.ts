/** Cloud API numbers and their templates: relayed to the workspace server, which decides who may. */
import type { cloudCommands } from '../../../common/api/cloud';
import { CommandError } from '../../../common/result';
import { saveMedia } from '../../platform/media-store';
import { attachmentForRelay } from '../../sync/attachment-transfer';
import type { WorkspaceSync } from '../../sync/workspace-sync';
import type { HandlerTable } from '../router';

type CloudHandlers = Pick<HandlerTable, keyof typeof cloudCommands>;

export function cloudHandlers(sync: Pick<WorkspaceSync, 'call' | 'attachments'>, dataDir: string): CloudHandlers {
  return {
    'cloudNumbers:list': () => sync.call('cloud:list', {}),
    'cloudNumbers:add': args => sync.call('cloud:add', args),
    'cloudNumbers:remove': args => sync.call('cloud:remove', args),
    'cloudTemplates:list': args => sync.call('cloud:templates', args),
    'cloudTemplates:send': args => sync.call('cloud:send-template', args),
    'cloudTemplates:uploadHeader': async ({ fileName, mimeType, dataBase64 }) => {
      const bytes = Buffer.from(dataBase64, 'base64');
      if (bytes.length === 0) throw new CommandError('invalid_args', 'empty file');
      // Kept in the media folder like an outgoing attachment, then streamed from there to the server.
      const stored = saveMedia(dataDir, bytes, mimeType);
      const media = { localPath: stored.localPath, sha256: stored.sha256, mimeType, fileName, size: stored.size };
      const r = await attachmentForRelay(sync.attachments, media);
      // The server's refusal is a code (media_unsupported, http_413…); anything else is not passed on as one.
      if ('failed' in r)
        throw new CommandError('invalid_args', 'the workspace refused the file', {
          reason: /^[a-z0-9_]{1,64}$/.test(r.failed) ? r.failed : 'upload_refused',
        });
      return { sha256: stored.sha256, size: stored.size, mimeType };
    },
  };
}
