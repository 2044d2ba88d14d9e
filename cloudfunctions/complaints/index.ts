/** Cloud entry of `complaints`: CloudBase stores, msgSecCheck, AES keys from the environment. */
import { randomIds } from '../../adapters/platform/crypto';
import type { Spreadsheets } from '../../core/ports';
import { audit, calendars, complaints, mediaChecks, outbox, rateLimits, regions, roles, stations } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, type StoresFor } from '../_shared/cloud';
import { basicDeps, personalTextDeps, photoDeps } from '../_shared/deps';
import { wechatDocumentFiles } from '../../adapters/platform/wechat-documents';
import { createComplaintsHandler } from './handler';

/**
 * exceljs (figures exports) is installed by the cloud and loaded on the first export only: every
 * other action of this busy function starts without it.
 */
function lazyTables(): Pick<Spreadsheets, 'tables'> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = () => (require('../../adapters/platform/tables') as typeof import('../../adapters/platform/tables')).tableSheets;
  return { tables: (sheets) => load().tables(sheets) };
}

export const main = cloudEntry('complaints', (cloud) => {
  return createComplaintsHandler(
    {
      ...cloudStores(cloud, { complaints, roles, audit, calendars, stations, mediaChecks, rateLimits, regions, outbox } satisfies StoresFor<typeof createComplaintsHandler>),
      ...personalTextDeps(cloud),
      ...photoDeps(cloud),
      ...basicDeps(),
      sheets: lazyTables(),
      documents: wechatDocumentFiles(cloud as never, randomIds.id),
    },
    jsonLogger,
  );
});
