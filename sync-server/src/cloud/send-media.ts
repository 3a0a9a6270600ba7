/**
 * A Cloud number's attachment send: the member's upload is read from the blob store,
 * uploaded to Graph (POST /{phone-number-id}/media) and sent as an image, video, audio,
 * sticker or document message with the body as its caption. Graph's upload takes the bytes
 * in one request, so the file is read into memory here, bounded by Meta's limit for its
 * kind (100 MB for documents, checked before reading).
 */
import type { Readable } from 'node:stream';
import type { WireAttachment } from '../../../common/protocol';
import { mediaKindOf, uploadLimit } from '../cloud-api/graph/media';
import type { GraphResult } from '../cloud-api/graph/types';
import { graphFail } from '../cloud-api/graph/types';
import type { Services } from '../handlers/context';
import type { GraphPort } from './graph-port';

async function readAll(stream: Readable, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > max) {
      stream.destroy();
      return null;
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

export async function sendAttachment(
  services: Services,
  client: GraphPort,
  to: string,
  a: WireAttachment,
  o: { caption: string; replyTo?: string },
): Promise<GraphResult<{ wamid: string }>> {
  const kind = mediaKindOf(a.mimeType);
  const limit = uploadLimit(a.mimeType);
  if (!kind || limit === null) return graphFail('media_unsupported', 'type not accepted by the Cloud API');
  if (a.size > limit) return graphFail('media_too_large', `${a.size} bytes over ${limit}`);
  const stream = await services.blobs.read(a.sha256);
  const bytes = stream ? await readAll(stream, limit) : null;
  if (!bytes) return graphFail('unavailable', 'the upload is gone from the blob store');
  const uploaded = await client.uploadMedia(
    new Uint8Array(bytes),
    a.mimeType,
    a.fileName ?? `file-${a.sha256.slice(0, 12)}`,
  );
  if (!uploaded.ok) return uploaded;
  return client.sendMedia(
    to,
    {
      kind,
      mediaId: uploaded.value.id,
      ...(o.caption ? { caption: o.caption } : {}),
      ...(a.fileName ? { filename: a.fileName } : {}),
    },
    o.replyTo ? { replyTo: o.replyTo } : {},
  );
}
