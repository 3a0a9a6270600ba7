import type { AssignmentMessageKey } from '../../../i18n/assignment.en';
import { assignmentEn } from '../../../i18n/assignment.en';
import { assignmentId } from '../../../i18n/assignment.id';
import type { Dictionaries, Translator } from '../../../i18n/dictionary';
import { useDictionary } from '../../../i18n/dictionary';

/** Settings → Automation, "Assignment": its own dictionaries. */
const dictionaries: Dictionaries<AssignmentMessageKey> = { en: assignmentEn, id: assignmentId };

export type AssignmentT = Translator<AssignmentMessageKey>;
export const useAssignmentT = (): AssignmentT => useDictionary(dictionaries);
