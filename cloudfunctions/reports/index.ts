/**
 * Cloud entry of `reports` (dashboards, period reports, 报送). exceljs is installed by the cloud from
 * the generated package.json and loaded on the first export only.
 */
import { randomIds } from '../../adapters/platform/crypto';
import { wechatDocumentFiles } from '../../adapters/platform/wechat-documents';
import { systemClock, type Spreadsheets } from '../../core/ports';
import { limitsFrom } from '../../core/shared/rate-limit';
import { audit, calendars, complaints, ledger, rateLimits, ratings, recruitment, rectifications, regions, reports, roles, settings, stations } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, type StoresFor } from '../_shared/cloud';
import { createReportsHandler } from './handler';

function lazyTables(): Pick<Spreadsheets, 'tables'> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = () => (require('../../adapters/platform/tables') as typeof import('../../adapters/platform/tables')).tableSheets;
  return { tables: (sheets) => load().tables(sheets) };
}

export const main = cloudEntry('reports', (cloud) => {
  return createReportsHandler(
    {
      ...cloudStores(cloud, { stations, regions, ledger, complaints, ratings, recruitment, rectifications, calendars, reports, settings, roles, audit, rateLimits } satisfies StoresFor<typeof createReportsHandler>),
      // Rate limits: the defaults of core/shared/rate-limit.ts, entries overridden by ZDT_RATE_LIMITS.
      limits: limitsFrom(process.env.ZDT_RATE_LIMITS),
      sheets: lazyTables(),
      documents: wechatDocumentFiles(cloud as never, randomIds.id),
      clock: systemClock,
      ids: randomIds,
    },
    jsonLogger,
  );
});
