/**
 * A Cloud number's files to Graph: a member's upload is streamed from the blob store (folder
 * or S3) into Graph's media upload (POST /{phone-number-id}/media), never read whole into
 * memory, and then sent as an image, video, audio, sticker or document message with the
 * body as its caption, or used as a template's media header by its Graph media id.
 */
import type { WireAttachment } from '../../../common/protocol';
import { mediaKindOf, uploadLimit } from '../cloud-api/graph/media';
import type { GraphResult } from '../cloud-api/graph/types';
import { graphFail } from '../cloud-api/graph/types';
import type { Services } from '../handlers/context';
import type { GraphPort } from './graph-port';

/** Streams the stored file to Graph; each try of the upload reads it from the store again. */
export function uploadBlob(
  services: Services,
  client: GraphPort,
  a: Pick<WireAttachment, 'sha256' | 'mimeType' | 'size' | 'fileName'>,
): Promise<GraphResult<{ id: string }>> {
  return client.uploadMediaStream({
    size: a.size,
    mime: a.mimeType,
    filename: a.fileName ?? `file-${a.sha256.slice(0, 12)}`,
    open: () => services.blobs.read(a.sha256),
  });
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
  const uploaded = await uploadBlob(services, client, a);
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
