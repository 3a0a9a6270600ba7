import { useState } from 'react';
import type { Chat, Message } from '../../../../common/domain';
import { useI18n } from '../../i18n';
import { useChatName } from '../../lib/chat-name';
import { useAccounts } from '../../stores/accounts';
import { saveFile } from '../../lib/download';
import { collectMedia, collectMessages } from './collect';
import type { ExportDoc, ExportT } from './format';
import { toHtml, toPlainText } from './format';
import { useExportT } from './useExportT';
import './export.css';

type Format = 'html' | 'text';
type Status =
  | { readonly state: 'idle' }
  | { readonly state: 'working'; readonly n: number }
  | { readonly state: 'done'; readonly n: number; readonly file: string; readonly capped: boolean }
  | { readonly state: 'failed'; readonly message: string };

/** A name for the file from the chat's name: letters, digits and dashes only. */
const fileStem = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'chat';

async function runExport(
  chat: Chat,
  title: string,
  format: Format,
  build: (messages: Message[]) => Promise<ExportDoc>,
  t: ExportT,
  onStatus: (s: Status) => void,
) {
  onStatus({ state: 'working', n: 0 });
  const r = await collectMessages(chat, n => onStatus({ state: 'working', n }));
  if (!r.ok) return onStatus({ state: 'failed', message: r.error.code });
  const doc = await build(r.value.messages);
  const stem = `${fileStem(title)}-${new Date().toISOString().slice(0, 10)}`;
  const file = format === 'html' ? `${stem}.html` : `${stem}.txt`;
  if (format === 'html') saveFile(file, toHtml(t, doc), 'text/html;charset=utf-8');
  else saveFile(file, toPlainText(t, doc), 'text/plain;charset=utf-8');
  onStatus({ state: 'done', n: r.value.messages.length, file, capped: r.value.capped });
}

/** The conversation header's "Export conversation": HTML with media, or plain text. */
export function ExportMenu({ chat }: { readonly chat: Chat }) {
  const t = useExportT();
  const chatName = useChatName();
  const language = useI18n(s => s.language);
  const account = useAccounts(s => s.byId.get(chat.accountId));
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const locale = language === 'id' ? 'id-ID' : 'en-GB';
  const time = (ms: number) => new Date(ms).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });

  const start = (format: Format) => {
    setOpen(false);
    const build = async (messages: Message[]): Promise<ExportDoc> => ({
      title: t('export.title', { name: chatName(chat), account: account?.name ?? chat.accountId }),
      generated: t('export.generated', { date: time(Date.now()) }),
      language,
      messages,
      media: format === 'html' ? await collectMedia(messages) : new Map(),
      who: m => (m.fromMe ? t('export.you') : (m.authorName ?? m.author ?? chatName(chat))),
      time,
    });
    void runExport(chat, chatName(chat), format, build, t, setStatus);
  };

  return (
    <div className="export-menu">
      <button type="button" aria-expanded={open} disabled={status.state === 'working'} onClick={() => setOpen(o => !o)}>
        {t('export.menu')}
      </button>
      {open && (
        <div className="export-options" role="group" aria-label={t('export.menu')}>
          <button type="button" onClick={() => start('html')}>
            {t('export.html')}
          </button>
          <button type="button" onClick={() => start('text')}>
            {t('export.text')}
          </button>
        </div>
      )}
      {status.state !== 'idle' && (
        <p role="status" className="small muted">
          {status.state === 'working' && t('export.working', { n: status.n })}
          {status.state === 'done' &&
            t(status.capped ? 'export.capped' : 'export.done', { n: status.n, file: status.file })}
          {status.state === 'failed' && t('export.failed', { message: status.message })}
        </p>
      )}
    </div>
  );
}
