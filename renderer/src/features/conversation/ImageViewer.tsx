import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n';

type Props = { readonly src: string; readonly fileName: string; readonly onClose: () => void };

/** A photo at full size over the inbox, with a download; Escape or a click outside closes it. */
export function ImageViewer({ src, fileName, onClose }: Props) {
  const t = useT();
  return (
    <Dialog title={t('message.photo')} onClose={onClose} className="image-viewer">
      <img className="image-viewer-img" src={src} alt={t('message.photoFull')} />
      <div className="dialog-actions">
        <a className="button" href={src} download={fileName}>
          {t('message.download')}
        </a>
      </div>
    </Dialog>
  );
}
