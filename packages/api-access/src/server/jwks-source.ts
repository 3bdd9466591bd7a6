import jwksRsa from 'jwks-rsa';
import { discoverJwksUri } from './discovery.js';
import type { ResolvedApiAccessOptions } from './resolve-options.js';

/** One published signing key: jwks-rsa's `SigningKey` fits it. */
export interface PublishedKey {
  readonly kid?: string | undefined;
  getPublicKey(): string;
}

/**
 * The I/O seam of the key set: every call fetches the whole published key set (or rejects).
 * jwks-rsa's `JwksClient` fits it; tests and the emulator may supply keys from elsewhere.
 */
export interface SigningKeySource {
  getSigningKeys(): Promise<readonly PublishedKey[]>;
}

interface Client {
  readonly uri: string;
  readonly jwks: jwksRsa.JwksClient;
}

type SourceOptions = Pick<
  ResolvedApiAccessOptions,
  'issuer' | 'jwksUri' | 'jwksTimeoutMs' | 'logger'
>;

/**
 * The SSO's JWKS through jwks-rsa, with its cache and rate limiter off: the key set (KeySet)
 * decides when to fetch. Without a configured `jwksUri` the URL comes from the issuer's
 * discovery document; while discovery fails, Keycloak's path is used and discovery is tried
 * again on the next fetch.
 */
export class JwksSource implements SigningKeySource {
  private client: Client | undefined;
  private fallback: Client | undefined;
  private discoveryWarned = false;

  constructor(private readonly options: SourceOptions) {
    if (options.jwksUri !== undefined) this.client = this.clientFor(options.jwksUri);
  }

  /** Rejects with an Error whose message names the JWKS URL and what failed. */
  async getSigningKeys(): Promise<readonly PublishedKey[]> {
    const { uri, jwks } = this.client ?? (await this.discover());
    try {
      return await jwks.getSigningKeys();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`JWKS ${uri} failed (${reason})`, { cause: error });
    }
  }

  private async discover(): Promise<Client> {
    const { issuer, jwksTimeoutMs, logger } = this.options;
    try {
      this.client = this.clientFor(await discoverJwksUri(issuer, jwksTimeoutMs));
      return this.client;
    } catch (error) {
      const keycloakPath = `${issuer.replace(/\/+$/, '')}/protocol/openid-connect/certs`;
      if (!this.discoveryWarned) {
        this.discoveryWarned = true;
        const reason = error instanceof Error ? error.message : String(error);
        logger.warn(`OpenID discovery failed (${reason}); using ${keycloakPath}`);
      }
      this.fallback ??= this.clientFor(keycloakPath);
      return this.fallback;
    }
  }

  private clientFor(uri: string): Client {
    const timeout = this.options.jwksTimeoutMs;
    return {
      uri,
      jwks: new jwksRsa.JwksClient({ jwksUri: uri, cache: false, rateLimit: false, timeout }),
    };
  }
}
