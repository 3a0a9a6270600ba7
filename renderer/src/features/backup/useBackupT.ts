import type { BackupMessageKey } from '../../i18n/backup.en';
import { backupEn } from '../../i18n/backup.en';
import { backupId } from '../../i18n/backup.id';
import type { Dictionaries, Translator } from '../../i18n/dictionary';
import { useDictionary } from '../../i18n/dictionary';

const dictionaries: Dictionaries<BackupMessageKey> = { en: backupEn, id: backupId };

export type BackupT = Translator<BackupMessageKey>;
export const useBackupT = (): BackupT => useDictionary(dictionaries);
