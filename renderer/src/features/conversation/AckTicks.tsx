import type { Ack } from '../../../../common/domain';
import { useT } from '../../i18n';
import { Icon } from '../../components/Icon';

/** WhatsApp's ticks with a text label: clock, ✓ sent, ✓✓ delivered, blue ✓✓ read, ! failed. */
export function AckTicks({ ack, queued }: { readonly ack: Ack; readonly queued: boolean }) {
  const t = useT();
  const label = ack === 'pending' ? (queued ? t('ack.queued') : t('ack.pending')) : t(`ack.${ack}`);
  const glyph = ack === 'sent' ? '✓' : ack === 'failed' ? '!' : '✓✓';
  return (
    <span role="img" aria-label={label} title={label} className={`ticks ticks-${ack}${queued ? ' queued' : ''}`}>
      {ack === 'pending' ? <Icon name="clock" size={12} /> : glyph}
    </span>
  );
}
