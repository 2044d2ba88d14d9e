/** `stations`: the public directory. Thin: validate → call the core → envelope. */
import { action, serviceActions, type ApiOf, type Logger } from '../../core/shared/router';
import { rateLimitedRouter } from '../_shared/router';
import { anyone } from '../_shared/actions';
import type { RateLimitDeps } from '../../core/shared/rate-limit';
import { getInput, nearbyInput, regionsInput, searchInput } from '../../core/station/api';
import { createDirectory, type DirectoryDeps } from '../../core/station/service';
import { reportInput } from '../../core/station/edits-api';
import { createStationReports, type StationReportDeps } from '../../core/station/edits-report';
import { reportUnlisted, reportUnlistedInput, type ReportDeps } from '../../core/station/unlisted';

export function createStationsHandler(deps: DirectoryDeps & RateLimitDeps & StationReportDeps & ReportDeps, logger?: Logger) {
  const directory = createDirectory(deps);
  const reports = createStationReports(deps);
  return rateLimitedRouter('stations', deps, logger, {
    nearby: anyone(nearbyInput, directory.nearby),
    search: anyone(searchInput, directory.search),
    get: anyone(getInput, directory.get),
    regions: anyone(regionsInput, directory.regions),
    // 信息有误: goes to the county's review queue with the head's edits (core/station/edits.ts).
    ...serviceActions(reports, { report: reportInput }),
    // 冒名站点举报 (第十一条7): a place that calls itself a station but is not in the register.
    reportUnlisted: action({ input: reportUnlistedInput, run: (input, c) => reportUnlisted(deps, c.openid, input) }),
  });
}

/** What each action takes and answers; the app's `stations` client is typed by it. */
export type StationsApi = ApiOf<ReturnType<typeof createStationsHandler>>;
