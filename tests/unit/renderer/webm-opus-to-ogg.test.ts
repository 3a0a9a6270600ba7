import { describe, expect, it } from 'vitest';
import { RemuxError, oggCrc, opusSamples, webmOpusToOgg } from '../../../renderer/src/lib/webm-opus-to-ogg';

// A tiny EBML writer, laid out as Chromium's MediaRecorder writes a live recording:
// header, a Segment and Clusters of unknown size, SimpleBlocks on track 1.
const bytes = (...parts: Array<number[] | Uint8Array>) => Uint8Array.from(parts.flatMap(p => [...p]));
const idBytes = (id: number) => {
  const out: number[] = [];
  for (let v = id; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return out;
};
const size8 = (n: number) => {
  const out = [0x01, 0, 0, 0, 0, 0, 0, 0];
  for (let i = 7, v = n; i > 0; i--, v = Math.floor(v / 256)) out[i] = v & 0xff;
  return out;
};
const el = (id: number, ...data: Array<number[] | Uint8Array>) => {
  const body = bytes(...data);
  return bytes(idBytes(id), size8(body.length), body);
};
const unknownSize = (id: number, ...data: Array<number[] | Uint8Array>) =>
  bytes(idBytes(id), [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], ...data);
const text = (s: string) => [...new TextEncoder().encode(s)];

const opusHead = bytes(text('OpusHead'), [1, 1, 0x38, 0x01, 0x80, 0xbb, 0, 0, 0, 0, 0]);
// TOC 0xfc: config 31 (CELT 20 ms), one frame → 960 samples; 0x78 with code 3 and 3 frames.
const packet = (n: number, toc = 0xfc, len = 40) => Uint8Array.from({ length: len }, (_, i) => (i === 0 ? toc : n));
const simpleBlock = (p: Uint8Array, time: number) => el(0xa3, [0x81, 0, time, 0x80], p);

function webm(packets: Uint8Array[], codec = 'A_OPUS'): Uint8Array {
  return bytes(
    el(0x1a45dfa3, el(0x4282, text('webm'))),
    unknownSize(
      0x18538067,
      el(0x1549a966, el(0x2ad7b1, [0x0f, 0x42, 0x40])),
      el(0x1654ae6b, el(0xae, el(0xd7, [1]), el(0x86, text(codec)), el(0x63a2, opusHead))),
      unknownSize(0x1f43b675, el(0xe7, [0]), ...packets.map((p, i) => simpleBlock(p, i))),
    ),
  );
}

type Page = { flags: number; granule: number; seq: number; packets: Uint8Array[]; crcOk: boolean };
function readOgg(b: Uint8Array): Page[] {
  const pages: Page[] = [];
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 0;
  while (at < b.length) {
    expect(new TextDecoder().decode(b.subarray(at, at + 4))).toBe('OggS');
    const n = b[at + 26] ?? 0;
    const lacing = [...b.subarray(at + 27, at + 27 + n)];
    const length = 27 + n + lacing.reduce((s, v) => s + v, 0);
    const raw = b.slice(at, at + length);
    const stored = view.getUint32(at + 22, true);
    raw.set([0, 0, 0, 0], 22);
    const packets: Uint8Array[] = [];
    let body = at + 27 + n;
    let current: number[] = [];
    for (const v of lacing) {
      current.push(...b.subarray(body, body + v));
      body += v;
      if (v < 255) {
        packets.push(Uint8Array.from(current));
        current = [];
      }
    }
    pages.push({
      flags: b[at + 5] ?? 0,
      granule: view.getUint32(at + 6, true),
      seq: view.getUint32(at + 18, true),
      packets,
      crcOk: oggCrc(raw) === stored,
    });
    at += length;
  }
  return pages;
}

describe('WebM/Opus → Ogg/Opus remuxer', () => {
  it('uses Ogg’s CRC-32 (CRC-32/POSIX without the final inversion)', () => {
    expect(oggCrc(new TextEncoder().encode('123456789'))).toBe(0x89a1897f);
  });

  it('counts samples from the Opus TOC byte', () => {
    expect(opusSamples(Uint8Array.of(0xfc))).toBe(960); // CELT 20 ms
    expect(opusSamples(Uint8Array.of(0x08))).toBe(960); // SILK 20 ms
    expect(opusSamples(Uint8Array.of(0xfd))).toBe(1920); // two frames
    expect(opusSamples(Uint8Array.of(0xff, 0x03))).toBe(2880); // code 3, three frames
  });

  it('writes OpusHead, OpusTags and every packet in order, with CRCs and granule positions', () => {
    const packets = Array.from({ length: 120 }, (_, i) => packet(i, 0xfc, 300)); // > 255 bytes: two segments each
    const pages = readOgg(webmOpusToOgg(webm(packets)));
    expect(pages.every(p => p.crcOk)).toBe(true);
    expect(pages.map(p => p.seq)).toEqual(pages.map((_, i) => i));
    expect(pages[0]?.flags).toBe(0x02);
    expect(new TextDecoder().decode(pages[0]?.packets[0]?.subarray(0, 8))).toBe('OpusHead');
    expect(new TextDecoder().decode(pages[1]?.packets[0]?.subarray(0, 8))).toBe('OpusTags');
    const audio = pages.slice(2);
    expect(audio.flatMap(p => p.packets)).toEqual(packets);
    expect(audio.at(-1)?.flags).toBe(0x04);
    expect(audio.at(-1)?.granule).toBe(120 * 960);
    // Granules grow page by page with the samples of the packets that end there.
    let total = 0;
    for (const p of audio) {
      total += p.packets.length * 960;
      expect(p.granule).toBe(total);
    }
  });

  it('refuses what is not Opus in WebM', () => {
    expect(() => webmOpusToOgg(webm([packet(1)], 'A_VORBIS'))).toThrow(RemuxError);
    expect(() => webmOpusToOgg(webm([]))).toThrow(/no audio/);
    expect(() => webmOpusToOgg(Uint8Array.of(0, 1, 2))).toThrow(RemuxError);
  });
});
