import { lazy } from '@/lib/domain/lazy';

/**
 * A schema built the first time it is used, then kept. A page checks only the few kinds of answer it
 * asks for, and building every answer's schema when its bundle loaded cost each page load about 9 ms
 * (lib/protocol/response-schemas.ts, responses.ts).
 */
export const lazySchema: <T>(build: () => T) => () => T = lazy;
