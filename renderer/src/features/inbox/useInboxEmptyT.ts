import type { InboxEmptyMessageKey } from '../../i18n/inbox-empty.en';
import { inboxEmptyEn } from '../../i18n/inbox-empty.en';
import { inboxEmptyId } from '../../i18n/inbox-empty.id';
import type { Dictionaries, Translator } from '../../i18n/dictionary';
import { useDictionary } from '../../i18n/dictionary';

const dictionaries: Dictionaries<InboxEmptyMessageKey> = { en: inboxEmptyEn, id: inboxEmptyId };

export const useInboxEmptyT = (): Translator<InboxEmptyMessageKey> => useDictionary(dictionaries);
