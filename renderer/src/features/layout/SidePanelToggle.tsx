import { Icon } from '../../components/Icon';
import { useLayoutT } from './useLayoutT';

/** Opens and closes the side panel's drawer in a narrow window (see narrow.css). */
export function SidePanelToggle({
  open,
  controls,
  onToggle,
}: {
  readonly open: boolean;
  readonly controls: string;
  readonly onToggle: () => void;
}) {
  const t = useLayoutT();
  return (
    <button
      type="button"
      className="icon-button side-panel-toggle"
      aria-label={t('layout.sidePanel')}
      title={t('layout.sidePanel')}
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
    >
      <Icon name="person" />
    </button>
  );
}
