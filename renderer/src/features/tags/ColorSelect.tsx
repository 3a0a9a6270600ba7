import type { TagColor } from '../../../../common/api/tags';
import { TAG_COLORS } from '../../../../common/limits';
import type { TagsT } from './useTagsT';

/** The named colours a tag may have, in the user's language. */
export function ColorSelect(props: {
  readonly t: TagsT;
  readonly value: TagColor;
  readonly label: string;
  readonly disabled?: boolean;
  readonly onChange: (c: TagColor) => void;
}) {
  return (
    <select
      aria-label={props.label}
      value={props.value}
      disabled={props.disabled}
      onChange={e => props.onChange(e.target.value as TagColor)}
    >
      {TAG_COLORS.map(c => (
        <option key={c} value={c}>
          {props.t(`tags.color.${c}`)}
        </option>
      ))}
    </select>
  );
}
