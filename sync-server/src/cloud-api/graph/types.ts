/**
 * The Graph client's public shapes. Results are data: nothing Meta (or a hostile proxy in
 * its place) answers makes a method throw.
 */
import type {
  CloudMediaKind,
  GraphErrorCode,
  GraphTemplate,
  TemplateComponentInput,
} from '../../../../common/cloud-api';

import type { UploadSource } from './multipart';

export type { UploadSource } from './multipart';
export type { GraphErrorCode, GraphTemplate, TemplateComponentInput } from '../../../../common/cloud-api';

export type RetryPolicy = {
  /** Tries in all, the first included (default 3). */
  readonly attempts?: number;
  /** First back-off (default 500 ms); doubled each try, with full jitter. */
  readonly baseDelayMs?: number;
  /** Longest wait between two tries, Retry-After included (default 10 s). A longer Retry-After ends the tries. */
  readonly maxDelayMs?: number;
};

export type GraphConfig = {
  /** https://graph.facebook.com (a loopback server in tests). */
  readonly baseUrl: string;
  /** v21.0: Meta retires versions, so it is a setting. */
  readonly apiVersion: string;
  readonly phoneNumberId: string;
  readonly wabaId: string;
  readonly accessToken: string;
  readonly fetch?: typeof fetch;
  /** Per try (default 15 s). */
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
  /** Largest media download accepted (default 100 MB, Meta's document limit). */
  readonly maxDownloadBytes?: number;
};

export type GraphError = {
  readonly code: GraphErrorCode;
  /** Meta's `error.code`, when Meta sent one. */
  readonly metaCode: number | null;
  /** Meta's message (or what went wrong locally): for logs, never shown as is. */
  readonly detail: string;
  /** Whether sending the same request later may succeed. */
  readonly retryable: boolean;
};

export type GraphResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: GraphError };

export type MediaKind = CloudMediaKind;
export type MediaInput = {
  readonly kind: MediaKind;
  readonly mediaId?: string;
  readonly link?: string;
  readonly caption?: string;
  readonly filename?: string;
};

export const graphOk = <T>(value: T): GraphResult<T> => ({ ok: true, value });
export const graphFail = (
  code: GraphErrorCode,
  detail: string,
  retryable = false,
  metaCode: number | null = null,
): { ok: false; error: GraphError } => ({ ok: false, error: { code, metaCode, detail, retryable } });

/** What one Cloud API number can ask of the Graph API (client.ts). */
export type GraphClient = {
  sendText(
    to: string,
    body: string,
    o?: { replyTo?: string; previewUrl?: boolean },
  ): Promise<GraphResult<{ wamid: string }>>;
  sendMedia(to: string, m: MediaInput, o?: { replyTo?: string }): Promise<GraphResult<{ wamid: string }>>;
  /** An empty emoji takes the reaction back. */
  sendReaction(to: string, wamid: string, emoji: string): Promise<GraphResult<{ wamid: string }>>;
  sendTemplate(
    to: string,
    t: { name: string; language: string; components: TemplateComponentInput[] },
  ): Promise<GraphResult<{ wamid: string }>>;
  markRead(wamid: string): Promise<GraphResult<true>>;
  uploadMedia(bytes: Uint8Array, mime: string, filename: string): Promise<GraphResult<{ id: string }>>;
  /** The same upload streamed from its source (the blob store): the file is never read whole into memory. */
  uploadMediaStream(file: UploadSource): Promise<GraphResult<{ id: string }>>;
  downloadMedia(mediaId: string): Promise<GraphResult<{ bytes: Uint8Array; mime: string; sha256: string | null }>>;
  /** Every page: name, language, status, category and components of each template. */
  listTemplates(): Promise<GraphResult<GraphTemplate[]>>;
  phoneNumberInfo(): Promise<
    GraphResult<{ displayPhoneNumber: string; verifiedName: string; qualityRating: string | null }>
  >;
};
