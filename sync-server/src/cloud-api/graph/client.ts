/**
 * The Graph API client of one Cloud API number: sends, media, templates and the number's
 * profile. No database and no global state; `fetch` can be injected. Every method answers
 * a GraphResult (see errors.ts for the codes and http.ts for what is retried).
 */
import type { z } from 'zod';
import type { GraphTemplate, TemplateComponentInput } from '../../../../common/cloud-api';
import { bytesReader, graphCall, jsonReader } from './http';
import type { GraphCall } from './http';
import { checkUpload } from './media';
import type { UploadSource } from './multipart';
import { bytesSource, mediaUploadBody } from './multipart';
import {
  MAX_TEXT,
  checkMedia,
  checkTo,
  mediaPayload,
  reactionPayload,
  readPayload,
  templatePayload,
  textPayload,
} from './payloads';
import {
  mediaInfoSchema,
  phoneInfoSchema,
  sendAnswerSchema,
  successSchema,
  templatesPageSchema,
  uploadAnswerSchema,
} from './schemas';
import { toTemplate } from './templates';
import type { GraphClient, GraphConfig, GraphResult, MediaInput } from './types';
import { graphFail, graphOk } from './types';

/** Ids that go into a URL path: Graph ids are digits, wamids base64-ish; nothing that could climb the path. */
const PATH_ID = /^[A-Za-z0-9_.=-]{1,256}$/;
/** More pages than any real account has: a server that pages forever is stopped here. */
const MAX_TEMPLATE_PAGES = 100;
const DEFAULT_MAX_DOWNLOAD = 100 * 1024 * 1024;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemes = (s: string) => [...segmenter.segment(s)].length;

export function createGraphClient(cfg: GraphConfig): GraphClient {
  const root = `${cfg.baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(cfg.apiVersion)}`;
  const path = (...segs: string[]) => `${root}/${segs.map(encodeURIComponent).join('/')}`;
  const messagesUrl = path(cfg.phoneNumberId, 'messages');

  async function json<S extends z.ZodType>(call: GraphCall, schema: S): Promise<GraphResult<z.infer<S>>> {
    const r = await graphCall(cfg, call, jsonReader);
    if (!r.ok) return r;
    const parsed = schema.safeParse(r.value);
    // The request may have been carried out: not safe to repeat blindly.
    return parsed.success ? graphOk(parsed.data) : graphFail('unavailable', 'malformed response');
  }

  async function send(payload: unknown): Promise<GraphResult<{ wamid: string }>> {
    const r = await json({ method: 'POST', url: messagesUrl, json: payload }, sendAnswerSchema);
    return r.ok ? graphOk({ wamid: r.value.messages[0]!.id }) : r;
  }

  /** The file streams from its source into the multipart body: never held whole in memory. */
  async function upload(file: UploadSource): Promise<GraphResult<{ id: string }>> {
    const bad = checkUpload(file.size, file.mime);
    if (bad) return { ok: false, error: bad };
    const stream = mediaUploadBody(file);
    // 15 s suits a JSON call, not 100 MB: the try may last as long as the file needs at 256 KB/s.
    const timeoutMs = Math.max(cfg.timeoutMs ?? 15_000, Math.ceil(file.size / 256));
    const r = await json(
      { method: 'POST', url: path(cfg.phoneNumberId, 'media'), stream, timeoutMs },
      uploadAnswerSchema,
    );
    return r.ok ? graphOk({ id: r.value.id }) : r;
  }

  /** A media URL gets the bearer token only over TLS, or on the Graph host itself (loopback tests). */
  function safeMediaUrl(url: string): boolean {
    try {
      const u = new URL(url);
      return u.protocol === 'https:' || u.origin === new URL(cfg.baseUrl).origin;
    } catch {
      return false;
    }
  }

  return {
    async sendText(to: string, body: string, o?: { replyTo?: string; previewUrl?: boolean }) {
      const n = checkTo(to);
      if (!n.ok) return n;
      if (body.length === 0 || body.length > MAX_TEXT) return graphFail('bad_request', 'text length out of range');
      return send(textPayload(n.value, body, o));
    },

    async sendMedia(to: string, m: MediaInput, o?: { replyTo?: string }) {
      const n = checkTo(to);
      if (!n.ok) return n;
      const bad = checkMedia(m);
      if (bad) return { ok: false as const, error: bad };
      return send(mediaPayload(n.value, m, o?.replyTo));
    },

    async sendReaction(to: string, wamid: string, emoji: string) {
      const n = checkTo(to);
      if (!n.ok) return n;
      // An empty emoji removes the reaction (Meta's rule); more than one character is not a reaction.
      if (emoji.length > 64 || graphemes(emoji) > 1) return graphFail('bad_request', 'not one emoji');
      return send(reactionPayload(n.value, wamid, emoji));
    },

    async sendTemplate(to: string, t: { name: string; language: string; components: TemplateComponentInput[] }) {
      const n = checkTo(to);
      if (!n.ok) return n;
      if (!t.name || !t.language) return graphFail('template_invalid', 'template name and language required');
      return send(templatePayload(n.value, t));
    },

    async markRead(wamid: string): Promise<GraphResult<true>> {
      const r = await json({ method: 'POST', url: messagesUrl, json: readPayload(wamid) }, successSchema);
      return r.ok ? graphOk(true) : r;
    },

    uploadMedia(bytes: Uint8Array, mime: string, filename: string): Promise<GraphResult<{ id: string }>> {
      return upload(bytesSource(bytes, mime, filename));
    },

    uploadMediaStream: upload,

    async downloadMedia(
      mediaId: string,
    ): Promise<GraphResult<{ bytes: Uint8Array; mime: string; sha256: string | null }>> {
      if (!PATH_ID.test(mediaId)) return graphFail('bad_request', 'malformed media id');
      const info = await json({ method: 'GET', url: path(mediaId) }, mediaInfoSchema);
      if (!info.ok) return info;
      const max = cfg.maxDownloadBytes ?? DEFAULT_MAX_DOWNLOAD;
      if (Number(info.value.file_size ?? 0) > max) return graphFail('media_too_large', 'file_size over the limit');
      if (!safeMediaUrl(info.value.url)) return graphFail('unavailable', 'media url refused');
      const file = await graphCall(cfg, { method: 'GET', url: info.value.url }, bytesReader(max));
      if (!file.ok) return file;
      return graphOk({ bytes: file.value.bytes, mime: info.value.mime_type, sha256: info.value.sha256 ?? null });
    },

    async listTemplates(): Promise<GraphResult<GraphTemplate[]>> {
      const out: GraphTemplate[] = [];
      const seen = new Set<string>();
      let after: string | null = null;
      for (let page = 0; page < MAX_TEMPLATE_PAGES; page++) {
        const q = new URLSearchParams({ fields: 'id,name,language,status,category,components', limit: '100' });
        if (after) q.set('after', after);
        const r = await json(
          { method: 'GET', url: `${path(cfg.wabaId, 'message_templates')}?${q}` },
          templatesPageSchema,
        );
        if (!r.ok) return r;
        out.push(...r.value.data.map(toTemplate));
        // Follow the cursor ourselves rather than `next` (a URL we would hand our token to).
        const nextCursor = r.value.paging?.cursors?.after ?? null;
        if (!r.value.paging?.next || !nextCursor || seen.has(nextCursor)) return graphOk(out);
        seen.add(nextCursor);
        after = nextCursor;
      }
      return graphFail('unavailable', 'too many template pages');
    },

    async phoneNumberInfo() {
      const q = new URLSearchParams({ fields: 'display_phone_number,verified_name,quality_rating' });
      const r = await json({ method: 'GET', url: `${path(cfg.phoneNumberId)}?${q}` }, phoneInfoSchema);
      if (!r.ok) return r;
      return graphOk({
        displayPhoneNumber: r.value.display_phone_number,
        verifiedName: r.value.verified_name,
        qualityRating: r.value.quality_rating ?? null,
      });
    },
  };
}
