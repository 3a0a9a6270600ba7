import type { AppInfo } from '../../../common/api';
import type { appCommands } from '../../../common/api/app';
import type { HandlerTable } from '../router';

type AppHandlers = Pick<HandlerTable, keyof typeof appCommands>;

export function appHandlers(info: () => AppInfo, now: () => number): AppHandlers {
  return {
    'app:info': () => info(),
    'app:ping': ({ echo }) => ({ pong: echo, at: now() }),
  };
}
