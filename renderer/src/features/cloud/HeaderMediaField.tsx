import { useState } from 'react';
import type { TemplateHeaderFile } from '../../../../common/api/cloud';
import { CLOUD_MEDIA_LIMITS } from '../../../../common/cloud/constants';
import { api } from '../../api/client';
import { stageFile } from '../../api/files';
import type { CloudT } from './useCloudT';

export type HeaderFile = TemplateHeaderFile & { readonly fileName: string };
export type HeaderMedia = {
  readonly source: 'link' | 'upload';
  readonly link: string;
  readonly file: HeaderFile | null;
};
export const NO_MEDIA: HeaderMedia = { source: 'link', link: '', file: null };

type Kind = 'image' | 'video' | 'document';
/** What Meta takes in each kind of header (the server checks the stored type again). */
const ACCEPT: Record<Kind, string> = {
  image: 'image/jpeg,image/png',
  video: 'video/mp4,video/3gpp',
  document: '.pdf,.txt,.doc,.docx,.xls,.xlsx,.ppt,.pptx',
};

/** The core's reason (the server's code for the refused upload) when it gave one, else the error's code. */
function refusalCode(error: { readonly code: string; readonly details?: unknown }): string {
  const d = error.details;
  const reason = typeof d === 'object' && d !== null ? (d as Record<string, unknown>)['reason'] : undefined;
  return typeof reason === 'string' ? reason : error.code;
}

type Props = {
  readonly t: CloudT;
  readonly kind: Kind;
  readonly value: HeaderMedia;
  readonly onChange: (v: HeaderMedia) => void;
};

/**
 * A media header: an https link Meta fetches, or a file from this computer, uploaded to the
 * workspace server at once (the server sends it to Meta when the template goes out).
 */
export function HeaderMediaField({ t, kind, value, onChange }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const pick = async (file: File | undefined) => {
    setError(null);
    onChange({ ...value, file: null });
    if (!file) return;
    const max = CLOUD_MEDIA_LIMITS[kind];
    if (file.size === 0 || file.size > max)
      return setError(t('cloud.template.file.tooLarge', { mb: Math.floor(max / (1024 * 1024)) }));
    setBusy(true);
    // Like a composer attachment: by path in the desktop app, uploaded to the host in a browser.
    const staged = await stageFile(file);
    const r =
      typeof staged === 'string'
        ? null
        : await api().invoke('cloudTemplates:uploadHeader', {
            fileName: file.name || 'file',
            mimeType: file.type || 'application/octet-stream',
            ...staged,
          });
    setBusy(false);
    if (!r || !r.ok)
      return setError(
        t('cloud.template.file.failed', {
          code: r ? refusalCode(r.error) : typeof staged === 'string' ? staged.replace(/^composer\.attach\./, '') : '',
        }),
      );
    onChange({ ...value, file: { ...r.value, fileName: file.name || 'file' } });
  };

  return (
    <fieldset className="template-value">
      <legend className="sr-only">{t(`cloud.template.media.${kind}`)}</legend>
      <label>
        {t('cloud.template.media.source')}
        <select
          value={value.source}
          onChange={e => onChange({ ...value, source: e.target.value === 'upload' ? 'upload' : 'link' })}
        >
          <option value="link">{t('cloud.template.media.byLink')}</option>
          <option value="upload">{t('cloud.template.media.byFile')}</option>
        </select>
      </label>
      {value.source === 'link' ? (
        <label>
          {t(`cloud.template.media.${kind}`)}
          <input
            required
            type="url"
            pattern="https://.*"
            placeholder="https://"
            maxLength={2048}
            value={value.link}
            onChange={e => onChange({ ...value, link: e.target.value })}
          />
        </label>
      ) : (
        <label>
          {t(`cloud.template.file.${kind}`)}
          <input type="file" accept={ACCEPT[kind]} disabled={busy} onChange={e => void pick(e.target.files?.[0])} />
        </label>
      )}
      {value.source === 'upload' && busy && <p className="small muted">{t('cloud.template.file.uploading')}</p>}
      {value.source === 'upload' && value.file && (
        <p className="small muted" role="status">
          {t('cloud.template.file.ready', { name: value.file.fileName })}
        </p>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
