import { useWorkspace } from '../../stores/workspace';
import { presenceOf } from './live-logic';
import type { TeamT } from './useTeamT';

type Props = {
  readonly t: TeamT;
  readonly memberId: string;
  readonly name: string;
  /** Show the status in words next to the dot (otherwise only for screen readers and as a tooltip). */
  readonly withLabel?: boolean;
};

/**
 * A coloured dot for a teammate's presence. The colour is never the only signal: the
 * status is in the tooltip and, for screen readers, in text.
 */
export function PresenceDot({ t, memberId, name, withLabel = false }: Props) {
  const status = useWorkspace(s => presenceOf(s.presence, memberId));
  const label = t('team.presence.of', { name, status: t(`team.presence.${status}`) });
  const dot = (
    <span className={`team-presence team-presence-${status}`} title={label} data-presence={status}>
      {!withLabel && <span className="team-visually-hidden">{label}</span>}
    </span>
  );
  if (!withLabel) return dot;
  return (
    <>
      {dot}
      <span>{label}</span>
    </>
  );
}
