/**
 * Files through the REST API: upload one to send (`POST /media`, the raw bytes with their
 * Content-Type), send it in a chat (`POST /chats/{chatId}/messages` with `media`, in
 * endpoints.ts), and download a message's file (`GET …/messages/{messageId}/media`).
 * Uploads share the socket clients' checks and limits (http/uploads.ts).
 */
import { fetchMediaByUrl, fileNameOfUrl } from './media-url';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import type { WireAttachment } from '../../../../common/protocol';
import { messageSendFields } from '../../../../common/protocol';
import { CommandError } from '../../../../common/result';
import { blobBySha } from '../../db/repositories/blobs';
import { mediaShaOfMessage } from '../../db/repositories/uploads';
import { visibleChat } from '../../handlers/access';
import { askHostToUpload } from '../blobs';
import { blobHeaders } from '../blob-mime';
import { receiveUpload } from '../uploads';
import type { Endpoint, EndpointInput } from './endpoint';
import { STREAMED, endpoint } from './endpoint';

/** What these endpoints use of their input (the parsed query and body aside). */
type Input = Pick<EndpointInput, 'req' | 'res' | 'services' | 'caller' | 'chatId' | 'messageId'>;

export const uploadedMediaSchema = z.object({
  sha256: z.string(),
  size: z.number().int(),
  mimeType: z.string(),
  fileName: z.string().nullable(),
});

/** X-File-Name: the name the customer sees on a document; printable, at most 255 characters. */
function fileNameOf(input: Input): string | null {
  const raw = input.req.headers['x-file-name'];
  const name = typeof raw === 'string' ? raw.trim() : '';
  const printable = [...name].every(c => c >= ' ' && c !== '\u007f' && c !== '/' && c !== '\\');
  return name.length > 0 && name.length <= 255 && printable ? name : null;
}

async function streamMedia(input: Input): Promise<typeof STREAMED> {
  const chat = await visibleChat(input.services.db, input.caller, input.chatId);
  const sha = await mediaShaOfMessage(input.services.db, chat.id, input.messageId);
  if (!sha) throw new CommandError('not_found', 'no such message with media');
  const blob = await blobBySha(input.services.db, sha);
  const size = blob ? await input.services.blobs.size(sha) : null;
  const bytes = blob && size !== null ? await input.services.blobs.read(sha) : null;
  if (!blob || size === null || !bytes) {
    // Only the number's host has the file yet: it is asked to upload it.
    await askHostToUpload(input.services, sha, chat);
    throw new CommandError('unavailable', 'the host device was asked to upload this media; retry shortly');
  }
  input.res.writeHead(200, {
    ...blobHeaders(blob.mimeType),
    'content-length': String(size),
    'cache-control': 'private, no-store',
  });
  await pipeline(bytes, input.res);
  return STREAMED;
}

export const MEDIA_ENDPOINTS: readonly Endpoint[] = [
  endpoint({
    method: 'POST',
    path: '/media',
    operationId: 'uploadMedia',
    summary:
      'Upload a file to send (raw body, its Content-Type and Content-Length; X-File-Name optional): images, video and audio up to 16 MB, documents up to 100 MB',
    scope: 'messages:send',
    raw: { request: true },
    response: uploadedMediaSchema,
    status: 201,
    run: async input => ({
      ...(await receiveUpload(input.services, input.req, input.caller.memberId, null)),
      fileName: fileNameOf(input),
    }),
  }),
  endpoint({
    method: 'GET',
    path: '/chats/{chatId}/messages/{messageId}/media',
    operationId: 'getMessageMedia',
    summary: 'The file of a message (its bytes, with its type); 503 with Retry-After while its host uploads it',
    scope: 'messages:read',
    raw: { response: true },
    response: z.string().describe('The file’s bytes'),
    status: 200,
    run: streamMedia,
  }),
];

/** POST /chats/{chatId}/messages: a text, a team template, or a file (uploaded with POST /media, or by URL) and its caption. */
export const restSendSchema = messageSendFields
  .pick({ body: true, quotedProviderMessageId: true })
  .extend({
    body: z.string().max(65_536).default(''),
    media: z
      .union([
        z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/), fileName: z.string().min(1).max(255).optional() }),
        z.strictObject({
          url: z.string().min(8).max(2048).describe('https URL the server fetches the file from, once'),
          fileName: z.string().min(1).max(255).optional(),
        }),
      ])
      .nullable()
      .default(null),
    template: z
      .string()
      .min(1)
      .max(50)
      .optional()
      .describe('Shortcut of a team template (Settings → Templates and tags): sent as its filled-in text'),
  })
  .refine(b => b.body.length > 0 || b.media !== null || b.template !== undefined, {
    message: 'a message needs a body, media or a template',
  })
  .refine(b => b.template === undefined || (b.body.length === 0 && b.media === null), {
    message: 'a template is sent alone: leave body and media out',
  });

/** The attachment reference of an uploaded (or now fetched) file, from what the store holds. */
export async function attachmentOfMedia(
  input: Input,
  media: { sha256: string; fileName?: string | undefined } | { url: string; fileName?: string | undefined } | null,
): Promise<WireAttachment | null> {
  if (!media) return null;
  if ('url' in media) {
    const fetched = await fetchMediaByUrl(input.services, input.caller.memberId, media.url);
    const fileName = media.fileName ?? fileNameOfUrl(media.url);
    return { sha256: fetched.sha256, mimeType: fetched.mimeType, fileName, size: fetched.size };
  }
  const blob = await blobBySha(input.services.db, media.sha256);
  if (!blob) throw new CommandError('not_found', 'no such upload');
  return { sha256: media.sha256, mimeType: blob.mimeType, fileName: media.fileName ?? null, size: blob.size };
}
