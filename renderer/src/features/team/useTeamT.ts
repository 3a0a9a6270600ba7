import { useCallback } from 'react';
import type { Language } from '../../i18n';
import { useI18n } from '../../i18n';
import type { TeamMessageKey } from '../../i18n/team.en';
import { teamEn } from '../../i18n/team.en';
import { teamId } from '../../i18n/team.id';
import type { Phrase } from './logic';

/**
 * The team features keep their own dictionaries (team.en.ts / team.id.ts) so they never
 * edit the inbox's en.ts / id.ts; the language is still the one the user picked there.
 */
const dictionaries: Record<Language, Record<TeamMessageKey, string>> = { en: teamEn, id: teamId };

export type TeamT = (key: TeamMessageKey, vars?: Readonly<Record<string, string | number>>) => string;

/** Fills `{name}` placeholders; values go in as text (React escapes them), never as HTML. */
export function teamTranslate(
  language: Language,
  key: TeamMessageKey,
  vars?: Readonly<Record<string, string | number>>,
): string {
  const template = dictionaries[language][key];
  return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : template;
}

export function useTeamT(): TeamT {
  const language = useI18n(s => s.language);
  return useCallback<TeamT>((key, vars) => teamTranslate(language, key, vars), [language]);
}

export const phrase = (t: TeamT, p: Phrase): string => t(p.key, p.vars);
