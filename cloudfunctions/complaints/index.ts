/** Cloud entry of `complaints`: CloudBase stores, msgSecCheck, AES keys from the environment. */
import { aesCipher, parseKeyRing, randomIds } from '../../adapters/platform/crypto';
import { wechatContentSecurity, wechatFileStore, wechatMediaChecker } from '../../adapters/platform/wechat';
import { cleanPhoto } from '../../core/shared/image';
import { limitsFrom } from '../../core/shared/rate-limit';
import { systemClock, type Spreadsheets } from '../../core/ports';
import { audit, calendars, complaints, mediaChecks, outbox, rateLimits, regions, roles, stations } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, requiredEnv, type StoresFor } from '../_shared/cloud';
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
      content: wechatContentSecurity(cloud as never),
      files: wechatFileStore(cloud as never, cleanPhoto, randomIds.id),
      mediaChecker: wechatMediaChecker(cloud as never),
      cipher: aesCipher(parseKeyRing(requiredEnv('ZDT_DATA_KEYS'))),
      ids: randomIds,
      // Rate limits: the defaults of core/shared/rate-limit.ts, entries overridden by ZDT_RATE_LIMITS.
      limits: limitsFrom(process.env.ZDT_RATE_LIMITS),
      clock: systemClock,
      sheets: lazyTables(),
      documents: wechatDocumentFiles(cloud as never, randomIds.id),
    },
    jsonLogger,
  );
});
