/**
 * Cloud entry of `reports` (dashboards, period reports, 报送). exceljs is installed by the cloud from
 * the generated package.json and loaded on the first export only.
 */
import { randomIds } from '../../adapters/platform/crypto';
import { wechatDocumentFiles } from '../../adapters/platform/wechat-documents';
import type { Spreadsheets } from '../../core/ports';
import { audit, calendars, complaints, ledger, rateLimits, ratings, recruitment, rectifications, regions, reports, roles, settings, stations } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, type StoresFor } from '../_shared/cloud';
import { basicDeps } from '../_shared/deps';
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
      sheets: lazyTables(),
      documents: wechatDocumentFiles(cloud as never, randomIds.id),
      ...basicDeps(),
    },
    jsonLogger,
  );
});
