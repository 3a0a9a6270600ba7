/**
 * Turns WhatsApp's QR payload into an image the renderer can show as-is (a data: URL),
 * so the renderer needs no QR library and never sees the raw pairing secret format.
 */
export async function qrImageOf(payload: string): Promise<string> {
  // Loaded on first use: most app starts restore sessions and never show a QR.
  const { toDataURL } = await import('qrcode');
  return toDataURL(payload, { errorCorrectionLevel: 'M', margin: 1, width: 264 });
}
