/**
 * A villager's 信息有误 on the public station page (the `stations` function): content-checked and
 * stored as a pending report in the county's review queue (./edits.ts). Kept apart from the
 * officials' service so the public function's bundle stays small.
 */
import type { Clock, ContentSecurity, IdSource, StationRepository } from '../ports';
import { screenText } from '../content/policy';
import { AppError } from '../shared/errors';
import type { StationEdit, StationEditRepository } from './edits';
import { PUBLIC_STATUSES } from './vocabulary';

export interface StationReportDeps {
  stations: StationRepository;
  edits: StationEditRepository;
  content: ContentSecurity;
  clock: Clock;
  ids: IdSource;
}

export function createStationReports(deps: StationReportDeps) {
  return {
    async report(openid: string | null, input: { stationId: string; topic: NonNullable<StationEdit['report']>['topic']; text: string }): Promise<{ received: true }> {
      if (!openid) throw new AppError('UNAUTHENTICATED', '请先登录微信后再反馈');
      const s = await deps.stations.get(input.stationId);
      if (!s || !PUBLIC_STATUSES.includes(s.status)) throw new AppError('NOT_FOUND', '没有找到这个站点，可能已被撤销', { stationId: '站点不存在' });
      const screened = await screenText(deps.content, 'station_report', input.text, openid);
      const edit: StationEdit = {
        id: deps.ids.id(),
        stationId: s.id,
        stationName: s.name,
        regionCodes: s.regionPath.map((r) => r.code),
        kind: 'report',
        status: 'pending',
        createdBy: openid,
        createdAt: deps.clock.now().toISOString(),
        report: { topic: input.topic, text: screened.text },
        version: 1,
      };
      await deps.edits.insert(edit);
      return { received: true };
    },
  };
}
