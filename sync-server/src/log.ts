/** Structured logs (pino, JSON lines on stdout). */
import { pino } from 'pino';
import type { Logger } from 'pino';

export type ServerLog = Logger;

export function createLog(level: string = process.env['LOG_LEVEL'] ?? 'info'): ServerLog {
  return pino({ level, base: { service: 'blazz-sync' } });
}

export const silentLog = (): ServerLog => pino({ level: 'silent' });
