import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { Dialog } from './Dialog';

type Props = {
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly danger?: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
};

/** Asks before anything that loses data or goes out from an unexpected number. */
export function ConfirmDialog({ title, children, confirmLabel, danger, onConfirm, onCancel }: Props) {
  const t = useT();
  return (
    <Dialog title={title} onClose={onCancel} className="confirm" initialFocus="[data-cancel]">
      <div className="confirm-text">{children}</div>
      <div className="dialog-actions">
        <button type="button" data-cancel onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
