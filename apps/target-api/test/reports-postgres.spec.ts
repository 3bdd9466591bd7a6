import { PostgresCluster, postgresForTests } from '@cern-sso/service-process';
import { startTargetApi, type RunningTargetApi } from './helpers.js';

const binaries = postgresForTests('target-api with DATABASE_URL');
const withPostgres = binaries ? describe : describe.skip;

withPostgres('target-api with DATABASE_URL (a real PostgreSQL on loopback)', () => {
  let cluster: PostgresCluster;
  const replicas: RunningTargetApi[] = [];
  beforeAll(async () => {
    cluster = await PostgresCluster.start(binaries!);
    const DATABASE_URL = await cluster.createDatabase();
    replicas.push(
      await startTargetApi({ env: () => ({ DATABASE_URL }) }),
      await startTargetApi({ env: () => ({ DATABASE_URL }) }),
    );
  }, 120_000);
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
    await cluster?.stop();
  });

  const call = (
    replica: RunningTargetApi,
    method: string,
    path: string,
    roles: string[],
    body?: object,
  ) =>
    fetch(`${replica.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${replica.tokenWith(roles, { azp: 'caller' })}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  it('shows a report created through one replica on another, and its audit entry', async () => {
    const [one, two] = replicas as [RunningTargetApi, RunningTargetApi];
    const created = await call(one, 'POST', '/reports', ['writer'], { title: 'Shared', body: 'x' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const listed = await call(two, 'GET', '/reports', ['reader']);
    expect(listed.status).toBe(200);
    expect(await listed.json()).toContainEqual(
      expect.objectContaining({ id, title: 'Shared', createdBy: 'caller' }),
    );
    expect((await call(two, 'DELETE', `/reports/${id}`, ['admin'])).status).toBe(204);
    expect((await call(one, 'DELETE', `/reports/${id}`, ['admin'])).status).toBe(404);
    const audit = await call(one, 'GET', '/reports/audit', ['reader', 'auditor']);
    expect((await audit.json()) as unknown[]).toEqual([
      expect.objectContaining({ action: 'report.created', reportId: id }),
      expect.objectContaining({ action: 'report.deleted', reportId: id }),
    ]);
  });

  it('answers 503 store_unavailable while the database is down, then serves again', async () => {
    const [one] = replicas as [RunningTargetApi];
    await cluster.kill();
    const down = await call(one, 'GET', '/reports', ['reader']);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({
      statusCode: 503,
      error: 'store_unavailable',
      message: 'the reports database cannot be reached; retry later',
    });
    await cluster.restart();
    expect((await call(one, 'GET', '/reports', ['reader'])).status).toBe(200);
  });
});
