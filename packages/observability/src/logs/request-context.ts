import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';

/** The logger of the request being handled (it carries the request id), for lines logged in it. */
export const requestLogger = new AsyncLocalStorage<Logger>();
