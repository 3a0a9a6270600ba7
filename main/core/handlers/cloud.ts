/** Cloud API numbers and their templates: relayed to the workspace server, which decides who may. */
import type { cloudCommands } from '../../../common/api/cloud';
import { CommandError } from '../../../common/result';
import { attachmentForRelay } from '../../sync/attachment-transfer';
import type { WorkspaceSync } from '../../sync/workspace-sync';
import type { AttachmentFiles } from '../attachment-file';
import type { HandlerTable } from '../router';

type CloudHandlers = Pick<HandlerTable, keyof typeof cloudCommands>;

export function cloudHandlers(
  sync: Pick<WorkspaceSync, 'call' | 'attachments'>,
  files: AttachmentFiles,
): CloudHandlers {
  return {
    'cloudNumbers:list': () => sync.call('cloud:list', {}),
    'cloudNumbers:add': args => sync.call('cloud:add', args),
    'cloudNumbers:remove': args => sync.call('cloud:remove', args),
    'cloudTemplates:list': args => sync.call('cloud:templates', args),
    'cloudTemplates:send': args => sync.call('cloud:send-template', args),
    'cloudTemplates:uploadHeader': async (file, ctx) => {
      // Taken like a composer attachment (by path, host upload or inline), kept in the media
      // folder, then streamed from there to the server.
      const stored = await files.store(file, ctx);
      if (stored.size === 0) throw new CommandError('invalid_args', 'empty file');
      const media = {
        localPath: stored.path,
        sha256: stored.sha256,
        mimeType: stored.mimeType,
        fileName: file.fileName,
        size: stored.size,
      };
      const r = await attachmentForRelay(sync.attachments, media);
      // The server's refusal is a code (media_unsupported, http_413…); anything else is not passed on as one.
      if ('failed' in r)
        throw new CommandError('invalid_args', 'the workspace refused the file', {
          reason: /^[a-z0-9_]{1,64}$/.test(r.failed) ? r.failed : 'upload_refused',
        });
      return { sha256: stored.sha256, size: stored.size, mimeType: stored.mimeType };
    },
  };
}
