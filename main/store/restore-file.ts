/**
 * Where a restore chosen in Settings waits for the next start (backup.ts stages it). Its
 * own module so the core process's first step can look for one without loading backup.ts
 * and the command schemas it imports (#23).
 */
export const stagedRestoreFile = (dbFile: string): string => `${dbFile}.restore`;
