/** An unread count; the label says what it counts for screen readers. */
export function Badge({
  count,
  label,
  muted,
}: {
  readonly count: number;
  readonly label: string;
  readonly muted?: boolean;
}) {
  if (count <= 0) return null;
  return (
    <span className={`badge${muted ? ' badge-muted' : ''}`} aria-label={label} title={label}>
      {count > 999 ? '999+' : count}
    </span>
  );
}
