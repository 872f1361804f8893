/**
 * The freshness watch and the daily digests on a clock the test controls: an overdue dataset gets one freshness
 * notice however often the watch runs, closed when it is on schedule again (sensor datasets judged by their
 * latest observation); each department's stewards get one digest a local day from the city's digest hour, with
 * what is overdue and open, and none when there is nothing to say.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localDate, localInstant } from '../../src/desk/deadlines/local-time.js';
import { createSensorDataset, createStation } from '../fixtures/sensors.js';
import { describeDb } from '../support/index.js';
import {
  DAY,
  mailTo,
  noticesOf,
  setUpStewardship,
  watchedDataset,
  type Stewardship,
} from './stewardship-setup.js';

const ZONE = 'America/Los_Angeles';

describeDb('stewardship: freshness notices and daily digests', () => {
  let s: Stewardship;
  const t0 = new Date();
  const at = (days: number) => new Date(t0.getTime() + days * DAY);
  const watch = (when: Date) => s.t.app.services.stewardship.runWatch(when);
  const digests = (when: Date) => s.t.app.services.stewardship.sendDigests(when);

  beforeAll(async () => {
    s = await setUpStewardship();
    await watchedDataset(s.t, 'daily-counts', { update_frequency: 'R/P1D' });
    // The other department: complete, on a yearly schedule, nothing to report.
    await watchedDataset(s.t, 'park-benches', { department: 'parks', update_frequency: 'R/P1Y' });
  });
  afterAll(() => s.t.close());

  it('sends one freshness notice for an overdue dataset, whatever the number of runs', async () => {
    expect(await watch(at(0.5))).toMatchObject({ opened: 0 });
    expect(await noticesOf(s.steward)).toEqual([]);
    expect(await watch(at(2))).toMatchObject({ opened: 1 });
    for (const days of [2.01, 2.5, 3])
      expect(await watch(at(days))).toMatchObject({ opened: 0, resolved: 0 });
    const [notice, ...others] = await noticesOf(s.steward, '?kind=freshness');
    expect(others).toEqual([]);
    expect(notice).toMatchObject({ datasetId: 'daily-counts', kind: 'freshness', state: 'open' });
    expect(notice!.problems[0]!.message).toContain('is declared daily');
    const mails = await mailTo(s.t, s.steward.user.email, 'stewardship_freshness');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('Out of date: "Dataset daily-counts"');
    expect(mails[0]!.body).toContain(
      'import the new data, or, if the schedule has changed, correct the update frequency',
    );
    expect(await mailTo(s.t, s.outsider.user.email, 'stewardship_freshness')).toEqual([]);
  });

  it('sends each department with something to say one digest a local day, from the digest hour', async () => {
    const day = localDate(at(3), ZONE);
    const next = localDate(at(4), ZONE);
    const { report } = await s.t.app.services.reports.file(
      {
        datasetId: 'daily-counts',
        kind: 'wrong_values',
        description: 'The count for Main St doubled on Monday.',
      },
      localInstant(day, 6, 0, ZONE),
    );
    expect((await digests(localInstant(day, 6, 59, ZONE))).sent).toEqual([]);
    expect((await digests(localInstant(day, 7, 5, ZONE))).sent).toEqual(['public-works']);
    expect((await digests(localInstant(day, 7, 20, ZONE))).sent).toEqual([]);
    expect((await digests(localInstant(day, 18, 0, ZONE))).sent).toEqual([]);

    const [digest, ...more] = await mailTo(s.t, s.steward.user.email, 'stewardship_digest');
    expect(more).toEqual([]);
    expect(digest!.subject).toBe(`Daily digest for Public Works, ${day}`);
    expect(digest!.body).toContain(
      `New quality reports (1):\n- ${report.number}: Dataset daily-counts (wrong values, received)`,
    );
    expect(digest!.body).toContain(
      'Datasets out of date (1):\n- Dataset daily-counts (daily-counts): expected by',
    );
    expect(digest!.body).toContain('Open notices (1):\n- Dataset daily-counts: freshness, update expected');
    expect(digest!.body).toContain('http://plaza.test/staff/notices');
    // Parks has nothing to say: no mail, on any day.
    expect((await digests(localInstant(next, 7, 5, ZONE))).sent).toEqual(['public-works']);
    expect(await mailTo(s.t, s.outsider.user.email, 'stewardship_digest')).toEqual([]);
    const [second, first] = await mailTo(s.t, s.steward.user.email, 'stewardship_digest');
    expect(first!.id).toBe(digest!.id);
    // A report is news once: the next day's digest starts where the last one ended.
    expect(second!.body).not.toContain('New quality reports');
    expect(second!.subject).toBe(`Daily digest for Public Works, ${next}`);
  });

  it('closes the freshness notice once the dataset is on schedule again, and stops digesting it', async () => {
    const fix = await s.t.injectAsAdmin({
      method: 'PATCH',
      url: '/api/v1/datasets/daily-counts',
      payload: { update_frequency: 'R/P1M' },
    });
    expect(fix.statusCode, fix.body).toBe(200);
    expect(await watch(at(5))).toMatchObject({ resolved: 1, opened: 0 });
    expect(await noticesOf(s.steward, '?state=unresolved')).toEqual([]);
    const later = localDate(at(6), ZONE);
    expect((await digests(localInstant(later, 8, 0, ZONE))).sent).toEqual([]);
  });

  it('judges a sensor dataset by its latest observation, and reports a feed gone silent', async () => {
    await createSensorDataset(s.t, 'air-now');
    const station = await createStation(s.t, 'air-now', 'Civic Center');
    const datastreamId = station.datastreamIds[0]!;
    const ingest = async (minutesAgo: number, result: number) => {
      // Sent by the device then: the catalog's last update of a feed is when its latest observation arrived.
      const sent = t0.getTime() - minutesAgo * 60_000;
      const [outcome] = await s.t.app.services.sensors.ingest.ingest(
        [{ datastreamId, phenomenonTime: new Date(sent).toISOString(), result }],
        { kind: 'admin' },
        { receivedAt: sent },
      );
      expect(outcome).toMatchObject({ status: 'created' });
      await s.t.app.services.sensors.ingest.drain();
    };
    const minutes = (m: number) => new Date(t0.getTime() + m * 60_000);
    await ingest(180, 8);
    expect(await watch(minutes(-170))).toMatchObject({ opened: 1 }); // the metadata notice of a bare dataset
    expect(await noticesOf(s.steward, '?kind=freshness&dataset=air-now')).toEqual([]);
    const quiet = await watch(minutes(-60));
    // Silent past its gap limit: an automatic sensor-fault report, cleared once it reports again.
    expect(quiet.silentFeeds).toBe(1);
    expect(await s.t.app.services.reports.openFaults()).toMatchObject([{ datastreamId, kind: 'silent' }]);
    const [late] = await noticesOf(s.steward, '?kind=freshness&dataset=air-now&state=open');
    expect(late).toMatchObject({ datasetId: 'air-now', state: 'open' });
    await ingest(30, 11.5);
    expect(await watch(minutes(-25))).toMatchObject({ silentFeeds: 0 });
    expect(await noticesOf(s.steward, '?kind=freshness&dataset=air-now&state=unresolved')).toEqual([]);
    const faults = await s.t.app.services.reports.openFaults();
    expect(faults.filter((f) => f.kind === 'silent')).toEqual([]);
  });
});
