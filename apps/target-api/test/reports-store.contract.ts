import { type ReportsStore, LIST_LIMIT } from '../src/reports/store/reports.store.js';

/** Opens a fresh, empty store (plus its seed) whose clock is `now`. */
export type OpenStore = (
  now: () => Date,
) => Promise<{ store: ReportsStore; close(): Promise<void> }>;

/** The behaviour every ReportsStore has, whatever holds the data. */
export function reportsStoreContract(open: OpenStore): void {
  let store: ReportsStore;
  let close: () => Promise<void>;
  let clock: Date;
  beforeEach(async () => {
    clock = new Date('2026-11-29T12:00:00.000Z');
    ({ store, close } = await open(() => clock));
  });
  afterEach(() => close());

  it('starts with the welcome report and an empty audit trail', async () => {
    expect(await store.list()).toEqual([
      expect.objectContaining({ id: 1, title: 'Welcome', createdBy: 'seed' }),
    ]);
    expect(await store.trail()).toEqual([]);
  });

  it('stores a report with the next id, its author and the time, and audits it', async () => {
    const report = await store.create({ title: 'Q4', body: 'All green.' }, 'caller');
    expect(report).toEqual({
      id: 2,
      title: 'Q4',
      body: 'All green.',
      createdBy: 'caller',
      createdAt: '2026-11-29T12:00:00.000Z',
    });
    expect((await store.list()).map((r) => r.id)).toEqual([1, 2]);
    expect(await store.trail()).toEqual([
      { action: 'report.created', reportId: 2, by: 'caller', at: '2026-11-29T12:00:00.000Z' },
    ]);
  });

  it('deletes a report, audits who did, and never reuses its id', async () => {
    const { id } = await store.create({ title: 'Draft', body: '' }, 'caller');
    clock = new Date('2026-11-29T12:05:00.000Z');
    expect(await store.remove(id, 'ops-bot')).toBe(true);
    expect((await store.list()).map((r) => r.id)).toEqual([1]);
    expect((await store.trail()).at(-1)).toEqual({
      action: 'report.deleted',
      reportId: id,
      by: 'ops-bot',
      at: '2026-11-29T12:05:00.000Z',
    });
    expect((await store.create({ title: 'Next', body: '' }, 'caller')).id).toBe(id + 1);
  });

  it('answers false for a report that does not exist, and audits nothing', async () => {
    expect(await store.remove(42, 'ops-bot')).toBe(false);
    expect(await store.trail()).toEqual([]);
  });

  it('keeps text exactly, quotes and all', async () => {
    const title = `O'Brien; drop table reports; -- "é" 🚀`;
    await store.create({ title, body: 'line 1\nline 2' }, 'caller');
    expect((await store.list()).at(-1)).toMatchObject({ title, body: 'line 1\nline 2' });
  });

  it(`lists the newest ${LIST_LIMIT} reports and audit entries, oldest first`, async () => {
    for (let i = 0; i < LIST_LIMIT; i++) await store.create({ title: `r${i}`, body: '' }, 'bot');
    const reports = await store.list();
    expect(reports).toHaveLength(LIST_LIMIT);
    expect(reports[0]!.id).toBe(2);
    expect(reports.at(-1)!.id).toBe(LIST_LIMIT + 1);
    await store.create({ title: 'one more', body: '' }, 'bot');
    const trail = await store.trail();
    expect(trail).toHaveLength(LIST_LIMIT);
    expect([trail[0]!.reportId, trail.at(-1)!.reportId]).toEqual([3, LIST_LIMIT + 2]);
  });
}
