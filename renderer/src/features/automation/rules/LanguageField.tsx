/**
 * "Only if the message is in": the languages a rule answers (ISO 639-1), named in the
 * user's language by Intl, so no list of language names is kept in the strings. None
 * ticked: any language.
 */
import { RULE_LANGUAGES, SENTIMENTS } from '../../../../../common/automation/rules/schema';
import { useI18n } from '../../../i18n';
import type { RuleDraft } from './rule-draft';
import type { RulesT } from './useRulesT';

function languageName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function LanguageField(props: {
  readonly t: RulesT;
  readonly draft: RuleDraft;
  readonly set: (patch: Partial<RuleDraft>) => void;
}) {
  const { t, draft, set } = props;
  const ui = useI18n(s => s.language);
  const toggle = (code: string, on: boolean) =>
    set({ languages: on ? [...draft.languages, code] : draft.languages.filter(c => c !== code) });
  return (
    <fieldset className="rule-languages">
      <legend>{t('rules.language')}</legend>
      {RULE_LANGUAGES.map(code => (
        <label key={code} className="inline">
          <input
            type="checkbox"
            checked={draft.languages.includes(code)}
            onChange={e => toggle(code, e.target.checked)}
          />
          {languageName(code, ui)}
        </label>
      ))}
      <span className="small muted">{t('rules.language.help')}</span>
    </fieldset>
  );
}

/**
 * "Only if the customer's mood is": this desktop's own rules ask the desktop's AI
 * (Settings → AI); a workspace's rules ask the workspace server's AI for rules (set by an
 * admin under Settings → Automation).
 */
export function SentimentField(props: {
  readonly t: RulesT;
  readonly draft: RuleDraft;
  readonly set: (patch: Partial<RuleDraft>) => void;
  readonly local: boolean;
}) {
  const { t, draft, set, local } = props;
  return (
    <>
      <label>
        {t('rules.sentiment')}
        <select
          value={draft.sentiment}
          onChange={e => set({ sentiment: SENTIMENTS.find(x => x === e.target.value) ?? '' })}
        >
          <option value="">{t('rules.sentiment.any')}</option>
          {SENTIMENTS.map(x => (
            <option key={x} value={x}>
              {t(`rules.sentiment.${x}`)}
            </option>
          ))}
        </select>
      </label>
      <span className="small muted">{t(local ? 'rules.sentiment.help' : 'rules.sentiment.help.workspace')}</span>
    </>
  );
}
