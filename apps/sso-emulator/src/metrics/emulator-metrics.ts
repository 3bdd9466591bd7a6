import { Counter, type Registry } from 'prom-client';

/**
 * What the emulator counts: tokens issued by audience and client, refusals by OAuth error, key
 * rotations. Every label comes from the registry or RFC 6749's list, so the series are bounded.
 */
export class EmulatorMetrics {
  private readonly issued: Counter<'audience' | 'client'>;
  private readonly refused: Counter<'error'>;
  private readonly rotations: Counter;

  constructor(registry: Registry) {
    const registers = [registry];
    this.issued = new Counter({
      name: 'sso_emulator_tokens_issued_total',
      help: 'Tokens issued, by audience (none for the standard endpoint) and client.',
      labelNames: ['audience', 'client'],
      registers,
    });
    this.refused = new Counter({
      name: 'sso_emulator_token_refusals_total',
      help: 'Token requests refused, by OAuth error.',
      labelNames: ['error'],
      registers,
    });
    this.rotations = new Counter({
      name: 'sso_emulator_key_rotations_total',
      help: 'Signing key rotations.',
      registers,
    });
  }

  tokenIssued(audience: string | undefined, client: string): void {
    this.issued.inc({ audience: audience ?? 'none', client });
  }

  tokenRefused(error: string): void {
    this.refused.inc({ error });
  }

  keyRotated(): void {
    this.rotations.inc();
  }
}
