/**
 * The media upload's multipart/form-data body, streamed: the file's bytes flow from their
 * source (the blob store's folder or S3) to Graph without being held in memory. The length
 * is known up front (the parts around the file plus its size), so the request carries a
 * Content-Length, and a source that yields more or fewer bytes than it declared fails the
 * request instead of sending a file Meta would store cut or padded.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

/** A file to upload; `open` gives a fresh stream for each try (a retried upload reads it again). */
export type UploadSource = {
  readonly size: number;
  readonly mime: string;
  readonly filename: string;
  open(): Promise<AsyncIterable<Uint8Array> | null>;
};

/** A request body made anew for each try, with its type and exact length. */
export type StreamBody = {
  readonly contentType: string;
  readonly length: number;
  open(): Promise<ReadableStream<Uint8Array> | null>;
};

/** A header value's quotes and line breaks would end the part's header early. */
const safeHeaderValue = (s: string) => s.replace(/["\r\n\\]/g, '_');

const field = (boundary: string, name: string, value: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

async function* exactly(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
  let seen = 0;
  for await (const chunk of source) {
    seen += chunk.byteLength;
    if (seen > size) throw new Error('the file is longer than declared');
    yield chunk;
  }
  if (seen !== size) throw new Error('the file is shorter than declared');
}

/** Meta's upload form: `messaging_product`, `type` (the MIME type) and `file`. */
export function mediaUploadBody(file: UploadSource): StreamBody {
  const boundary = `BlazzDesk${randomBytes(16).toString('hex')}`;
  const mime = safeHeaderValue(file.mime);
  const head = Buffer.from(
    field(boundary, 'messaging_product', 'whatsapp') +
      field(boundary, 'type', mime) +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safeHeaderValue(file.filename)}"\r\n` +
      `Content-Type: ${mime}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length: head.byteLength + file.size + tail.byteLength,
    async open() {
      const source = await file.open();
      if (!source) return null;
      async function* body(): AsyncGenerator<Uint8Array> {
        yield head;
        yield* exactly(source!, file.size);
        yield tail;
      }
      return Readable.toWeb(Readable.from(body(), { objectMode: false })) as ReadableStream<Uint8Array>;
    },
  };
}

/** Bytes already in memory as a source (tests, small files). */
export function bytesSource(bytes: Uint8Array, mime: string, filename: string): UploadSource {
  return {
    size: bytes.byteLength,
    mime,
    filename,
    open: async () => Readable.from([bytes]),
  };
}
