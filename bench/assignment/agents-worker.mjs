// Worker threads do not inherit tsx's loader: register it here, then load the TypeScript agents.
import { register } from 'tsx/esm/api';

register();
await import('./agents-worker.ts');
