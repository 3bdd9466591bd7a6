// Test helpers: an in-process issuer and the tokens an API must refuse, so a team can test its
// API's permissions without any identity provider. Development and tests only.
export {
  badTokens,
  stripSignature,
  tamperPayload,
  truncateSignature,
  type EmbeddedKeyHeader,
} from './bad-tokens.js';
export { startTestIssuer, type JwksMode, type ServedTestIssuer } from './jwks-server.js';
export { signJws, type JwsParts } from './sign-jws.js';
export { TestIssuer, type MintTokenOptions, type TestIssuerOptions } from './test-issuer.js';
export { createTestKey, type TestKey } from './test-key.js';
