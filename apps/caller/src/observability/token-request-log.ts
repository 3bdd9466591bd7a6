import { Logger } from '@nestjs/common';
import type {
  ApiAccessError,
  TokenClientObserver,
  TokenRequestEvent,
} from '@cern-sso/api-access/client';

/**
 * One log line per token request to the SSO (audience, outcome, duration), a DEBUG line per
 * token served from the cache, a WARN per retry. Never the token or the secret: the events do
 * not carry them.
 */
export class TokenRequestLog implements TokenClientObserver {
  private readonly logger = new Logger('TokenClient');

  cacheHit(audience: string): void {
    this.logger.debug?.(
      { audience, outcome: 'ok', fromCache: true },
      `token for ${audience} from the cache`,
    );
  }

  retry(audience: string, error: ApiAccessError, delayMs: number): void {
    this.logger.warn(
      { audience, code: error.code, delayMs },
      `token request for ${audience} failed (${error.code}); retrying in ${delayMs} ms`,
    );
  }

  tokenRequest({ audience, result, durationMs, background }: TokenRequestEvent): void {
    const line = { audience, outcome: result, durationMs, fromCache: false, background };
    if (result === 'ok') this.logger.log(line, `token for ${audience} from the SSO`);
    else this.logger.warn(line, `token request for ${audience} failed: ${result}`);
  }
}
