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
 * "Only if the customer's mood is": offered for this desktop's own rules only, where the
 * AI (Settings → AI) rates each message when such a rule exists; the server has no AI.
 */
export function SentimentField(props: {
  readonly t: RulesT;
  readonly draft: RuleDraft;
  readonly set: (patch: Partial<RuleDraft>) => void;
}) {
  const { t, draft, set } = props;
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
      <span className="small muted">{t('rules.sentiment.help')}</span>
    </>
  );
}
