import { useEffect, useState } from 'react';
import { useT } from '../../i18n';

/**
 * The pairing QR drawn locally from its string; redrawn whenever WhatsApp rotates it. The
 * QR library (~70 kB) loads on the first QR: the rail that shows pairing is on the first
 * screen, and the first screen's bundle should not carry it (#23).
 */
export function QrImage({ value, accountName }: { readonly value: string; readonly accountName: string }) {
  const t = useT();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    import('qrcode')
      .then(({ toDataURL }) => toDataURL(value, { margin: 1, width: 240, errorCorrectionLevel: 'L' }))
      .then(url => live && setSrc(url))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [value]);
  if (!src) return <div className="qr qr-empty">{t('account.qr.drawing')}</div>;
  return <img className="qr" src={src} width={240} height={240} alt={t('account.qr.alt', { name: accountName })} />;
}
