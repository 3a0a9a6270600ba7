/**
 * How a file the agent attaches reaches the core without travelling inside a command
 * (the command limit is 1 MB): in Electron the preload names the file's path on disk and
 * the core reads it; in a browser on the headless host the file is uploaded to the host
 * (`PUT /api/files/<sha256>`, the bridge's token) and the command names the upload.
 * Small files that are not on disk (pasted, recorded in Electron) still travel inline.
 */
import { MAX_INLINE_ATTACHMENT_BYTES } from '../../../common/api/attachment-limits';
import { HOST_UPLOAD_PATH } from '../../../common/ipc';
import { hostToken } from './socket-transport';

/** Where the core finds the file: exactly one of these goes into `messages:send`. */
export type StagedFile = { readonly dataBase64: string } | { readonly path: string } | { readonly uploadId: string };

/** Why a file could not be handed over (the composer's message keys). */
export type StageRefusal =
  | 'composer.attach.unreadable'
  | 'composer.attach.notOnDisk'
  | 'composer.attach.tooLarge'
  | 'composer.attach.uploadFailed';

function base64Of(blob: Blob): Promise<string | null> {
  return new Promise(resolve => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      const comma = url.indexOf(',');
      resolve(comma < 0 ? null : url.slice(comma + 1));
    };
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(blob);
  });
}

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map(b => b.toString(16).padStart(2, '0')).join('');

async function upload(blob: Blob): Promise<StagedFile | StageRefusal> {
  const bytes = await blob.arrayBuffer().catch(() => null);
  if (!bytes) return 'composer.attach.unreadable';
  const sha256 = hex(await crypto.subtle.digest('SHA-256', bytes));
  try {
    const res = await fetch(`${HOST_UPLOAD_PATH}/${sha256}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${hostToken() ?? ''}`, 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    if (res.status === 201) return { uploadId: sha256 };
    return res.status === 413 ? 'composer.attach.tooLarge' : 'composer.attach.uploadFailed';
  } catch {
    return 'composer.attach.uploadFailed';
  }
}

async function inline(blob: Blob): Promise<StagedFile | StageRefusal> {
  if (blob.size > MAX_INLINE_ATTACHMENT_BYTES) return 'composer.attach.notOnDisk';
  const data = await base64Of(blob);
  return data === null ? 'composer.attach.unreadable' : { dataBase64: data };
}

/** The largest file with no path on disk (a recording) this shell can take; Infinity in a browser. */
export const maxUnsavedBytes = (): number => (window.desk ? MAX_INLINE_ATTACHMENT_BYTES : Number.POSITIVE_INFINITY);

/** Hands a picked, dropped, pasted or recorded file to the core's side of the transport. */
export async function stageFile(blob: Blob): Promise<StagedFile | StageRefusal> {
  const bridge = window.desk;
  if (!bridge) return upload(blob);
  let path = '';
  try {
    path = blob instanceof File && bridge.pathForFile ? bridge.pathForFile(blob) : '';
  } catch {
    path = ''; // a file the bridge cannot name: its bytes go instead
  }
  return path ? { path } : inline(blob);
}
