import jwksRsa from 'jwks-rsa';
import type { ResolvedApiAccessOptions } from './resolve-options.js';

/** The I/O seam of the key resolver: jwks-rsa's client fits it, tests may script it. */
export interface SigningKeySource {
  getSigningKey(kid: string): Promise<{ getPublicKey(): string }>;
}

/**
 * jwks-rsa with its cache (one fetch per `kid` per `jwksCacheMaxAgeSec`), its rate limiter
 * (a flood of unknown `kid`s costs at most `jwksRequestsPerMinute` fetches; cache hits are free
 * because the cache wraps the limiter) and a short timeout so a hung SSO cannot hold requests.
 */
export function createJwksSource(options: ResolvedApiAccessOptions): SigningKeySource {
  return new jwksRsa.JwksClient({
    jwksUri: options.jwksUri,
    cache: true,
    cacheMaxAge: options.jwksCacheMaxAgeSec * 1000,
    cacheMaxEntries: options.jwksCacheMaxEntries,
    rateLimit: true,
    jwksRequestsPerMinute: options.jwksRequestsPerMinute,
    timeout: options.jwksTimeoutMs,
  });
}
