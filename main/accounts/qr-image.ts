/**
 * Turns WhatsApp's QR payload into an image the renderer can show as-is (a data: URL),
 * so the renderer needs no QR library and never sees the raw pairing secret format.
 * SVG, not PNG: PNG encoding in pure JS blocks main's event loop for tens of milliseconds.
 */
export async function qrImageOf(payload: string): Promise<string> {
  // Loaded on first use: most app starts restore sessions and never show a QR.
  const { toString } = await import('qrcode');
  const svg = await toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
