/**
 * A template's media header given as a file the member uploaded (PUT /api/uploads): checked
 * when the send is asked for, and uploaded to Graph by the sender (streamed from the blob
 * store) when it goes out, so Meta gets `{ id }` rather than a link it must fetch.
 */
import type { TemplateHeader } from '../../../common/protocol-cloud';
import { CommandError } from '../../../common/result';
import { mediaKindOf, uploadLimit } from '../cloud-api/graph/media';
import type { GraphResult } from '../cloud-api/graph/types';
import { graphFail, graphOk } from '../cloud-api/graph/types';
import { blobBySha } from '../db/repositories/blobs';
import { uploadedBy } from '../db/repositories/uploads';
import type { Services } from '../handlers/context';
import type { GraphPort } from './graph-port';
import { uploadBlob } from './send-media';

type Upload = { sha256: string; size: number };
const uploadOf = (h: TemplateHeader | undefined): Upload | null =>
  h && (h.type === 'image' || h.type === 'video' || h.type === 'document') && h.upload ? h.upload : null;

/**
 * The header's file, as its send asks: this member uploaded it (a hash alone proves
 * nothing), its size is the stored one, its stored type is of the header's kind (JPEG or
 * PNG for an image, MP4 or 3GPP for a video, a document type) and within Meta's limit.
 */
export async function checkHeaderUpload(
  services: Services,
  memberId: string,
  header: TemplateHeader | undefined,
): Promise<void> {
  const upload = uploadOf(header);
  if (!upload || !header) return;
  const blob = await blobBySha(services.db, upload.sha256);
  if (
    !blob ||
    !(await uploadedBy(services.db, upload.sha256, memberId)) ||
    (await services.blobs.size(upload.sha256)) === null
  )
    throw new CommandError('not_found', 'no such upload');
  if (blob.size !== upload.size) throw new CommandError('invalid_args', 'the size does not match the upload');
  if (mediaKindOf(blob.mimeType) !== header.type)
    throw new CommandError('invalid_args', 'the file is not of the header kind', {
      reason: 'template_media',
      part: 'header',
      expected: header.type,
    });
  const max = uploadLimit(blob.mimeType) ?? 0;
  if (blob.size > max)
    throw new CommandError('payload_too_large', 'media_too_large', { reason: 'media_too_large', maxBytes: max });
}

/** The Graph media id of an uploaded header, uploading it now; null when the header is not an upload. */
export async function headerMediaId(
  services: Services,
  client: GraphPort,
  header: TemplateHeader | undefined,
): Promise<GraphResult<string | null>> {
  const upload = uploadOf(header);
  if (!upload || !header) return graphOk(null);
  const blob = await blobBySha(services.db, upload.sha256);
  if (!blob) return graphFail('unavailable', 'the header file is gone from the blob store');
  const filename = header.type === 'document' ? (header.filename ?? null) : null;
  const r = await uploadBlob(services, client, { ...upload, mimeType: blob.mimeType, fileName: filename });
  return r.ok ? graphOk(r.value.id) : r;
}
