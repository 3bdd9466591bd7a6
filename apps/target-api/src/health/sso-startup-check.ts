import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { IssuerProbe } from './issuer-probe.js';
import { JwksProbe } from './jwks-probe.js';

/**
 * Checks the SSO once at start (keys reachable, issuer as expected) and logs one WARN naming
 * what is wrong. It does not wait for the answer: under docker compose the SSO may come up
 * later, and GET /health keeps saying the same until it does.
 */
@Injectable()
export class SsoStartupCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('SsoCheck');
  /** Settles with the problems found (none: the SSO is as expected); tests await it. */
  done: Promise<string[]> = Promise.resolve([]);

  constructor(
    @Inject(JwksProbe) private readonly jwks: JwksProbe,
    @Inject(IssuerProbe) private readonly issuer: IssuerProbe,
  ) {}

  onApplicationBootstrap(): void {
    this.done = Promise.all([this.jwks.status(), this.issuer.status()]).then((statuses) => {
      const problems = statuses.flatMap((status) => (status.problem ? [status.problem] : []));
      if (problems.length > 0) {
        this.logger.warn(
          `the SSO is not as configured, tokens cannot be accepted until it is: ${problems.join('; ')}. GET /health says the same.`,
        );
      }
      return problems;
    });
  }
}
