// Jest loads this file on its own, outside the test module system: no relative imports here.

/** Services already running elsewhere (docker compose, a deployment), named by E2E_* variables. */
export const external = {
  issuer: process.env.E2E_SSO_ISSUER,
  targetUrl: process.env.E2E_TARGET_URL,
  callerUrl: process.env.E2E_CALLER_URL,
  /** Default: the emulator's, beside the realm (`<public URL>/api/v1.0`). */
  authzApiUrl: process.env.E2E_AUTHZ_API_URL,
};

const REQUIRED = {
  E2E_SSO_ISSUER: external.issuer,
  E2E_TARGET_URL: external.targetUrl,
  E2E_CALLER_URL: external.callerUrl,
};

export const usesRunningServices = Object.values(REQUIRED).every(Boolean);

/**
 * The first line of the suite's output: which services it tests. Some but not all of the E2E_*
 * variables set is a mistake that would silently test the wrong thing, so it throws instead.
 */
export function describeSuiteTarget(): string {
  const missing = Object.entries(REQUIRED).filter(([, value]) => !value);
  if (usesRunningServices) {
    return `e2e: testing the running services at ${Object.entries(REQUIRED)
      .map(([name, value]) => `${name}=${value}`)
      .join(' ')}`;
  }
  if (missing.length < Object.keys(REQUIRED).length) {
    throw new Error(
      `e2e: set all of E2E_SSO_ISSUER, E2E_TARGET_URL and E2E_CALLER_URL or none; missing ${missing
        .map(([name]) => name)
        .join(', ')}`,
    );
  }
  return 'e2e: testing services it starts itself (set E2E_SSO_ISSUER, E2E_TARGET_URL and E2E_CALLER_URL to test running ones)';
}

/** Each running service answers, or the suite stops at once with the one that does not. */
export async function checkRunningServices(): Promise<void> {
  const probes = [
    `${external.issuer}/.well-known/openid-configuration`,
    `${external.targetUrl}/health`,
    `${external.callerUrl}/health`,
  ];
  for (const url of probes) {
    // A real network call to a service that may be anywhere: a generous bound, not a race.
    await fetch(url, { signal: AbortSignal.timeout(15_000) }).catch((error: unknown) => {
      throw new Error(`e2e: nothing answers at ${url} (${describeFetchError(error)})`);
    });
  }
}

/** Says which services the suite tests before anything runs, and stops early if they are down. */
export default async function globalSetup(): Promise<void> {
  process.stdout.write(`${describeSuiteTarget()}\n`);
  if (usesRunningServices) await checkRunningServices();
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? String(error);
}
