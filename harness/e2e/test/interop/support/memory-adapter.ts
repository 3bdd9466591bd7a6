import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

/**
 * Storage for one provider instance, in memory: all a test needs. Given explicitly because
 * oidc-provider warns on every start when it falls back to its own quick-start adapter.
 */
export function memoryAdapter(): AdapterFactory {
  const models = new Map<string, Map<string, AdapterPayload>>();
  return (name) => {
    const rows = models.get(name) ?? new Map<string, AdapterPayload>();
    models.set(name, rows);
    const findBy = (field: 'userCode' | 'uid', value: string) =>
      [...rows.values()].find((payload) => payload[field] === value);
    const adapter: Adapter = {
      upsert: async (id, payload) => void rows.set(id, payload),
      find: async (id) => rows.get(id),
      findByUserCode: async (userCode) => findBy('userCode', userCode),
      findByUid: async (uid) => findBy('uid', uid),
      consume: async (id) => {
        const payload = rows.get(id);
        if (payload !== undefined) rows.set(id, { ...payload, consumed: Date.now() / 1000 });
      },
      destroy: async (id) => void rows.delete(id),
      revokeByGrantId: async (grantId) => {
        for (const [id, payload] of rows) if (payload.grantId === grantId) rows.delete(id);
      },
    };
    return adapter;
  };
}
