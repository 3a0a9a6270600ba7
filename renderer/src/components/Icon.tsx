/**
 * Line icons drawn inline (no icon font, no emoji font needed): decorative unless given
 * a label.
 */
const PATHS = {
  search: 'M11 4a7 7 0 1 1 0 14a7 7 0 0 1 0-14zM16.5 16.5L21 21',
  plus: 'M12 5v14M5 12h14',
  more: 'M12 5.5v.01M12 12v.01M12 18.5v.01',
  close: 'M6 6l12 12M18 6L6 18',
  attach: 'M20 11.5l-7.8 7.8a5 5 0 0 1-7.1-7.1l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4l7.8-7.8',
  smile: 'M12 3a9 9 0 1 1 0 18a9 9 0 0 1 0-18zM8.5 14.5c1.8 2 5.2 2 7 0M9 9.5v.01M15 9.5v.01',
  send: 'M4 12l16-8-6 16-3-6.5L4 12z',
  reply: 'M10 8L4 13l6 5M4 13h9a7 7 0 0 1 7 7',
  clock: 'M12 3a9 9 0 1 1 0 18a9 9 0 0 1 0-18zM12 7v5l3 2',
  pin: 'M12 21s-6-5.7-6-11a6 6 0 0 1 12 0c0 5.3-6 11-6 11zM12 8v.01',
  person: 'M12 4a4 4 0 1 1 0 8a4 4 0 0 1 0-8zM4 21c1-4 4.5-6 8-6s7 2 8 6',
  doc: 'M7 3h7l5 5v13H7zM14 3v5h5',
  mic: 'M12 3a3 3 0 0 1 3 3v6a3 3 0 0 1-6 0V6a3 3 0 0 1 3-3zM5 11a7 7 0 0 0 14 0M12 18v3',
  music: 'M9 18V5l11-2v13M9 18a3 3 0 1 1-6 0a3 3 0 0 1 6 0zM20 16a3 3 0 1 1-6 0a3 3 0 0 1 6 0z',
  video: 'M3 6h12v12H3zM15 10l6-3v10l-6-3',
  ban: 'M12 3a9 9 0 1 1 0 18a9 9 0 0 1 0-18zM5.6 5.6l12.8 12.8',
  bellOff: 'M6 8a6 6 0 0 1 10.5-4M18 8c0 7 3 9 3 9H7M13.7 21a2 2 0 0 1-3.4 0M3 3l18 18',
  gear: 'M12 9a3 3 0 1 1 0 6a3 3 0 0 1 0-6zM12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({
  name,
  label,
  size = 16,
}: {
  readonly name: IconName;
  readonly label?: string;
  readonly size?: number;
}) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
