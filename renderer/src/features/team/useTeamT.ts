import type { TeamMessageKey } from '../../i18n/team.en';
import { teamEn } from '../../i18n/team.en';
import { teamId } from '../../i18n/team.id';
import type { Dictionaries, Translator } from '../../i18n/dictionary';
import { dictionaryTranslator, useDictionary } from '../../i18n/dictionary';
import type { Phrase } from './logic';

/** The team features' own dictionaries. */
const dictionaries: Dictionaries<TeamMessageKey> = { en: teamEn, id: teamId };

export type TeamT = Translator<TeamMessageKey>;
export const teamTranslate = dictionaryTranslator(dictionaries);
export const useTeamT = (): TeamT => useDictionary(dictionaries);

export const phrase = (t: TeamT, p: Phrase): string => t(p.key, p.vars);
