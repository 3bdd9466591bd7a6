export { BODY_REFUSALS, BodyRefusedError, type BodyRefusedCode } from './body-refused-error.js';
export { DEFAULT_JSON_LIMITS, jsonBody, type JsonBodyLimits } from './json-body.js';
export { jsonDepth } from './json-depth.js';
export { API_CSP, securityHeaders, type CspDirectives } from './security-headers.js';
