/** Injection token of the validated `CallerConfig`. */
export const CALLER_CONFIG = Symbol('CALLER_CONFIG');
