/**
 * Generated media for simulated messages: real files a viewer can open (PNG pictures, a
 * one-page PDF, a short WAV tone), made from the seed so the same message always yields
 * the same bytes, and so deduplication by hash is exercised. Only node:zlib is used.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { MediaInfo } from '../../../../common/domain';
import { saveMedia } from '../../../platform/media-store';
import type { SimMessage } from './world';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A diagonal two-colour gradient with a stripe, one of `variant`'s palettes. */
export function pngOf(variant: number, width: number, height: number): Buffer {
  const palettes: ReadonlyArray<readonly [number, number, number, number, number, number]> = [
    [37, 211, 102, 7, 94, 84],
    [255, 183, 77, 229, 57, 53],
    [100, 181, 246, 26, 35, 126],
    [186, 104, 200, 49, 27, 146],
    [255, 241, 118, 245, 127, 23],
    [128, 203, 196, 0, 77, 64],
  ];
  const [r1, g1, b1, r2, g2, b2] = palettes[variant % palettes.length] ?? palettes[0] ?? [0, 0, 0, 0, 0, 0];
  const stripe = variant >= palettes.length;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const t = (x + y) / (width + height);
      const band = stripe && Math.abs(y - height / 2) < height / 12;
      const o = row + 1 + x * 3;
      raw[o] = band ? 255 : Math.round(r1 + (r2 - r1) * t);
      raw[o + 1] = band ? 255 : Math.round(g1 + (g2 - g1) * t);
      raw[o + 2] = band ? 255 : Math.round(b1 + (b2 - b1) * t);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A valid one-page PDF showing `title` (ASCII only: the standard fonts know no more). */
export function pdfOf(title: string): Buffer {
  const text = title.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '');
  const stream = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A short mono tone as 8 kHz 16-bit WAV: stands in for a voice note. */
export function wavOf(variant: number, seconds: number): Buffer {
  const rate = 8000;
  const samples = Math.round(rate * seconds);
  const data = Buffer.alloc(samples * 2);
  const freq = 220 + (variant % 6) * 55;
  for (let i = 0; i < samples; i++) {
    const fade = Math.min(1, i / 400, (samples - i) / 400);
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * freq * i) / rate) * 8000 * fade), i * 2);
  }
  const head = Buffer.alloc(44);
  head.write('RIFF', 0, 'ascii');
  head.writeUInt32LE(36 + data.length, 4);
  head.write('WAVEfmt ', 8, 'ascii');
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20); // PCM
  head.writeUInt16LE(1, 22); // mono
  head.writeUInt32LE(rate, 24);
  head.writeUInt32LE(rate * 2, 28);
  head.writeUInt16LE(2, 32);
  head.writeUInt16LE(16, 34);
  head.write('data', 36, 'ascii');
  head.writeUInt32LE(data.length, 40);
  return Buffer.concat([head, data]);
}

/** The file behind a simulated media message, written content-addressed; null if none. */
export function mediaFileFor(dataDir: string, m: SimMessage): MediaInfo | null {
  const media = m.input.media;
  if (!media) return null;
  const bytes =
    media.mimeType === 'image/png'
      ? pngOf(m.mediaVariant, media.width ?? 320, media.height ?? 240)
      : media.mimeType === 'audio/wav'
        ? wavOf(m.mediaVariant, media.durationS ?? 2)
        : media.mimeType === 'application/pdf'
          ? pdfOf(media.fileName?.replace(/\.pdf$/, '') ?? 'Document')
          : null;
  if (!bytes) return null;
  const stored = saveMedia(dataDir, bytes, media.mimeType);
  return { ...media, sha256: stored.sha256, localPath: stored.localPath, size: stored.size };
}
