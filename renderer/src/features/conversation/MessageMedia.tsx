import { useEffect, useState } from 'react';
import type { Message } from '../../../../common/domain';
import { SafeText } from '../../components/SafeText';
import { useT } from '../../i18n';
import { formatBytes, localPreviews, mediaUrl, parseVcard, thumbnailUrl } from './media';
import { Icon } from '../../components/Icon';
import { ImageViewer } from './ImageViewer';

/** Media of one message; anything missing or broken becomes a labelled placeholder. */
export function MessageMedia({ message }: { readonly message: Message }) {
  const t = useT();
  const { type, media } = message;
  const local = message.clientMessageId ? localPreviews.get(message.clientMessageId) : undefined;
  const [url, setUrl] = useState<string | null>(local ?? null);
  const [broken, setBroken] = useState(false);
  const [wanted, setWanted] = useState(type === 'image' || type === 'sticker');
  const [viewing, setViewing] = useState(false);

  useEffect(() => {
    if (!wanted || url || !media || message.id.startsWith('local:')) return;
    let live = true;
    void mediaUrl(message.id).then(u => {
      if (!live) return;
      if (u) setUrl(u);
      else setBroken(true);
    });
    return () => {
      live = false;
    };
  }, [wanted, url, media, message.id]);

  if (type === 'location' && message.location) {
    const { lat, lng, name } = message.location;
    const href = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=16/${lat}/${lng}`;
    return (
      <div className="media-card">
        <Icon name="pin" size={14} />
        {name && <SafeText text={name} />}{' '}
        <a href={href} target="_blank" rel="noopener noreferrer">
          {t('message.location.open', { lat: lat.toFixed(5), lng: lng.toFixed(5) })}
        </a>
      </div>
    );
  }
  if (type === 'contact_card') {
    const card = parseVcard(message.vcard ?? '');
    return (
      <div className="media-card" aria-label={t('message.contactCard')}>
        <Icon name="person" size={14} />
        <SafeText text={card.name || t('message.contactCard')} />
        {card.phone && <span className="muted small"> {card.phone}</span>}
      </div>
    );
  }
  if (!media) return <div className="media-card muted">{t('message.mediaUnavailable')}</div>;

  const thumb = thumbnailUrl(media.thumbnail);
  const fileName = media.fileName ?? t('message.file');
  if (broken && !thumb) return <div className="media-card muted">{t('message.mediaUnavailable')}</div>;

  switch (type) {
    case 'image':
    case 'sticker': {
      const src = url ?? thumb;
      if (!src || broken) return <div className="media-card muted">{t('message.mediaUnavailable')}</div>;
      const img = (
        <img
          className={type === 'sticker' ? 'sticker' : 'photo'}
          src={src}
          alt={type === 'sticker' ? t('message.sticker') : t('message.photo')}
          onError={() => setBroken(true)}
          loading="lazy"
        />
      );
      // A photo opens at full size once its file is here (the thumbnail alone is too small to view).
      if (type === 'sticker' || !url) return img;
      return (
        <>
          <button
            type="button"
            className="photo-open"
            aria-label={t('message.openPhoto')}
            onClick={() => setViewing(true)}
          >
            {img}
          </button>
          {viewing && <ImageViewer src={url} fileName={fileName} onClose={() => setViewing(false)} />}
        </>
      );
    }
    case 'video':
      return url ? (
        <video className="photo" src={url} controls preload="metadata" onError={() => setBroken(true)} />
      ) : (
        <button
          type="button"
          className="media-thumb"
          onClick={() => setWanted(true)}
          aria-label={t('message.playVideo')}
        >
          {thumb ? <img src={thumb} alt="" /> : <Icon name="video" size={32} />}
          <span className="play" aria-hidden="true">
            ►
          </span>
        </button>
      );
    case 'audio':
    case 'voice':
      return url ? (
        <audio
          src={url}
          controls
          preload="metadata"
          aria-label={t(type === 'voice' ? 'message.voice' : 'message.audio')}
          onError={() => setBroken(true)}
        />
      ) : (
        <button type="button" className="media-card" onClick={() => setWanted(true)}>
          <Icon name={type === 'voice' ? 'mic' : 'music'} size={14} />{' '}
          {t(type === 'voice' ? 'message.voice' : 'message.audio')}
          {media.durationS ? ` · ${Math.round(media.durationS)} s` : ''} — {t('message.play')}
        </button>
      );
    default:
      return (
        <div className="media-card">
          <Icon name="doc" size={14} />
          <SafeText text={fileName} /> <span className="muted small">{formatBytes(media.size)}</span>{' '}
          {url ? (
            <a href={url} download={fileName}>
              {t('message.download')}
            </a>
          ) : (
            <button type="button" className="link-button" onClick={() => setWanted(true)}>
              {t('message.download')}
            </button>
          )}
        </div>
      );
  }
}
