import type { Template } from '../../../../common/domain';
import { SafeText } from '../../components/SafeText';
import { useT } from '../../i18n';
import type { TemplateVars } from '../../lib/templates';
import { expandTemplate } from '../../lib/templates';

/** Templates matching the typed /shortcut, with the text they will insert. */
export function TemplateSuggestions({
  templates,
  active,
  vars,
  onPick,
}: {
  readonly templates: readonly Template[];
  readonly active: number;
  readonly vars: TemplateVars;
  readonly onPick: (i: number) => void;
}) {
  const t = useT();
  return (
    <ul id="template-suggestions" role="listbox" aria-label={t('composer.templates')} className="suggestions">
      {templates.map((tpl, i) => (
        <li
          key={tpl.id}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'active' : undefined}
          onMouseDown={e => {
            e.preventDefault();
            onPick(i);
          }}
        >
          <strong>/{tpl.shortcut}</strong> <SafeText text={tpl.title} />
          <div className="small muted">
            <SafeText text={expandTemplate(tpl.body, vars).slice(0, 140)} />
          </div>
        </li>
      ))}
    </ul>
  );
}
