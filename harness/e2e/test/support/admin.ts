import { type Stack } from '@cern-sso/stack';

export interface EmulatorStats {
  tokenRequests: { apiAccess: number; standard: number };
  jwksRequests: number;
}

async function admin<T>(stack: Stack, method: string, path: string): Promise<T> {
  const response = await fetch(`${stack.sso.url}${path}`, {
    method,
    headers: { 'x-admin-secret': stack.adminSecret },
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export const emulatorStats = (stack: Stack) => admin<EmulatorStats>(stack, 'GET', '/admin/stats');
export const rotateKeys = (stack: Stack) =>
  admin<{ current: string }>(stack, 'POST', '/admin/keys/rotate');

/** Polls `probe` until it returns true; for conditions that take real time across processes. */
export async function eventually(
  probe: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

export async function status(url: string): Promise<number> {
  return (await fetch(url)).status;
}
