import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'results');

export interface BenchSettings {
  /** One route's share of a round, seconds (run in two halves). */
  seconds: number;
  rounds: number;
  /** Distinct tokens for the "many tokens" runs. */
  tokenCount: number;
  /** Where the server writes its CPU profile, when asked for one. */
  profileDir: string | undefined;
}

/** BENCH_SECONDS (default 4), BENCH_ROUNDS (default 5), BENCH_TOKENS (10000), BENCH_PROFILE=1. */
export function benchSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const positive = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`${name}: expected a positive integer, got ${env[name]}`);
    }
    return value;
  };
  return {
    seconds: positive('BENCH_SECONDS', 4),
    rounds: positive('BENCH_ROUNDS', 5),
    tokenCount: positive('BENCH_TOKENS', 10_000),
    profileDir: env.BENCH_PROFILE ? join(RESULTS_DIR, 'profiles') : undefined,
  };
}
