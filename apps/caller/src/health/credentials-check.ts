import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { TokenClient } from '@cern-sso/api-access/client';
import { CALLER_CONFIG } from '../config/caller-config.js';
import { type CallerConfig } from '../config/env.schema.js';

/**
 * Tries the caller's credentials once at start: one token for its target, from a client of its
 * own so the app's token cache stays as lazy as before. A refusal is logged as one WARN with the
 * SSO's answer (e.g. `invalid_client`); start-up does not wait for it. An answer that arrives after
 * shutdown began is not logged: the app it was about is gone.
 */
@Injectable()
export class CredentialsCheck implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CredentialsCheck');
  /** Settles with the problem found, or undefined when a token was obtained; tests await it. */
  done: Promise<string | undefined> = Promise.resolve(undefined);
  private stopped = false;

  constructor(@Inject(CALLER_CONFIG) private readonly config: CallerConfig) {}

  onApplicationBootstrap(): void {
    const { CALLER_CLIENT_ID: clientId, TARGET_API_AUDIENCE: audience } = this.config;
    const client = new TokenClient({
      tokenEndpoint: this.config.SSO_TOKEN_ENDPOINT,
      clientId,
      clientSecret: this.config.CALLER_CLIENT_SECRET,
    });
    this.done = client.getToken(audience).then(
      () => {
        if (this.stopped) return undefined;
        this.logger.log(`credentials checked: "${clientId}" gets tokens for "${audience}"`);
        return undefined;
      },
      (error: unknown) => {
        // Token errors name the endpoint and the SSO's answer, never the secret.
        const problem = error instanceof Error ? error.message : String(error);
        if (this.stopped) return problem;
        this.logger.warn(
          `"${clientId}" cannot get a token for "${audience}", so every call to the target will fail: ${problem}`,
        );
        return problem;
      },
    );
  }

  onApplicationShutdown(): void {
    this.stopped = true;
  }
}
