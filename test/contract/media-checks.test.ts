/**
 * Photo check records (core/media/check.ts): the same contract on SQLite and on the CloudBase
 * adapter over the SDK double (both flavours). The verdict is recorded once.
 */
import { createCloudbaseMediaCheckRepository } from '../../adapters/cloudbase/media-checks';
import { createSqliteMediaCheckRepository } from '../../adapters/sqlite/media-checks';
import type { MediaCheckRecord } from '../../core/media/check';
import { describeEachRepo } from '../support/store-runners';

const record = (traceId: string): MediaCheckRecord => ({ traceId, fileId: `cloud://env.b/complaint-photos/${traceId}.jpg`, complaintId: 'c1', openid: 'o-resident-0001', requestedAt: '2026-09-30T02:00:00.000Z', result: null, decidedAt: null });

describeEachRepo('media checks', createSqliteMediaCheckRepository, createCloudbaseMediaCheckRepository, (make) => {
  test('insert, read by trace id, decide once', async () => {
    const s = await make();
    await s.insert(record('6247e8b4-5601e99c-0782c62b'));
    await s.insert(record('other'));
    expect(await s.get('missing')).toBeNull();
    expect(await s.get('6247e8b4-5601e99c-0782c62b')).toEqual(record('6247e8b4-5601e99c-0782c62b'));
    expect(await s.decide('6247e8b4-5601e99c-0782c62b', 'risky', '2026-09-30T02:10:00.000Z')).toBe(true);
    expect(await s.decide('6247e8b4-5601e99c-0782c62b', 'pass', '2026-09-30T02:11:00.000Z')).toBe(false);
    expect(await s.decide('missing', 'pass', '2026-09-30T02:11:00.000Z')).toBe(false);
    expect(await s.get('6247e8b4-5601e99c-0782c62b')).toEqual({ ...record('6247e8b4-5601e99c-0782c62b'), result: 'risky', decidedAt: '2026-09-30T02:10:00.000Z' });
    expect((await s.get('other'))?.result).toBeNull();
  });

  test('keeps the subject of a voice check (the complaint’s own, or a 补充材料 entry’s)', async () => {
    const s = await make();
    const entry: MediaCheckRecord = { ...record('trace-entry-voice'), fileId: 'upl-entry-voice-abcdef', subject: 'entry-voice' };
    await s.insert(entry);
    expect(await s.get('trace-entry-voice')).toEqual(entry);
    expect(await s.decide('trace-entry-voice', 'pass', '2026-09-30T02:10:00.000Z')).toBe(true);
    expect((await s.get('trace-entry-voice'))?.subject).toBe('entry-voice');
  });
});
