import { initialsOf } from '../lib/text';

/** Initials on the account's colour ring; decorative (the row carries the name). */
export function Avatar({
  name,
  color,
  group,
}: {
  readonly name: string;
  readonly color: string;
  readonly group?: boolean;
}) {
  return (
    <span className={`avatar${group ? ' avatar-group' : ''}`} style={{ borderColor: color }} aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
}
