/** The core logs through this small interface so the shells can route it (console, file). */
export type Logger = {
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
};

export function consoleLogger(prefix = 'blazz'): Logger {
  const line = (level: string, msg: string, data?: Record<string, unknown>) =>
    `${new Date().toISOString()} ${level} [${prefix}] ${msg}${data ? ' ' + JSON.stringify(data) : ''}`;
  return {
    info: (msg, data) => console.log(line('info', msg, data)),
    warn: (msg, data) => console.warn(line('warn', msg, data)),
    error: (msg, data) => console.error(line('error', msg, data)),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
