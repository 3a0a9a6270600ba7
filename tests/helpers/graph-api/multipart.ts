/** Just enough multipart/form-data parsing for the loopback Graph server's media upload. */
export type Part = {
  readonly name: string;
  readonly filename: string | null;
  readonly type: string | null;
  readonly data: Buffer;
};

export function parseMultipart(contentType: string | undefined, body: Buffer): Part[] | null {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  if (!m || !/^multipart\/form-data/i.test(contentType ?? '')) return null;
  const delimiter = Buffer.from(`--${m[1] ?? m[2]}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) return null;
    const chunk = body.subarray(start + 2, next - 2); // drop the CRLF after the delimiter and before the next
    const split = chunk.indexOf('\r\n\r\n');
    if (split < 0) return null;
    const head = chunk.subarray(0, split).toString('utf8');
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined) return null;
    parts.push({
      name,
      filename: /filename="([^"]*)"/i.exec(head)?.[1] ?? null,
      type: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? null,
      data: Buffer.from(chunk.subarray(split + 4)),
    });
    at = next;
  }
  return parts;
}
