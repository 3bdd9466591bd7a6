/** Requests the emulator has served since it started (`GET /admin/stats`). */
export interface EmulatorStats {
  tokenRequests: { apiAccess: number; standard: number };
  jwksRequests: number;
}

/** The emulator's admin API (`/admin/*`), typed: what tests, the scale test and the bench ask of it. */
export interface EmulatorAdmin {
  /** Signs new tokens with a fresh key; the previous one stays published. Resolves to its kid. */
  rotateKeys(): Promise<string>;
  /** Stops publishing a previous key: tokens it signed stop verifying. */
  retireKey(kid: string): Promise<void>;
  stats(): Promise<EmulatorStats>;
}

/** An admin client for the emulator listening at `url` (e.g. http://127.0.0.1:40123). */
export function emulatorAdmin(url: string, adminSecret: string): EmulatorAdmin {
  const call = async <T>(method: string, path: string): Promise<T> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { 'x-admin-secret': adminSecret },
    });
    if (!response.ok) throw new Error(`${method} ${url}${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  };
  return {
    rotateKeys: async () => (await call<{ current: string }>('POST', '/admin/keys/rotate')).current,
    retireKey: async (kid) => {
      await call('DELETE', `/admin/keys/${encodeURIComponent(kid)}`);
    },
    stats: () => call<EmulatorStats>('GET', '/admin/stats'),
  };
}
