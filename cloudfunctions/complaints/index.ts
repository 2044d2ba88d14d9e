/** Cloud entry of `complaints`: CloudBase stores, msgSecCheck, AES keys from the environment. */
import { aesCipher, parseKeyRing, randomIds } from '../../adapters/platform/crypto';
import { wechatContentSecurity, wechatFileStore, wechatMediaChecker } from '../../adapters/platform/wechat';
import { cleanPhoto } from '../../core/shared/image';
import { limitsFrom } from '../../core/shared/rate-limit';
import { systemClock } from '../../core/ports';
import { cloudEntry, cloudStores, jsonLogger, requiredEnv } from '../_shared/cloud';
import { wechatDocumentFiles } from '../../adapters/platform/wechat-documents';
import { createComplaintsHandler } from './handler';

export const main = cloudEntry('complaints', (cloud) => {
  // exceljs (figures exports) is installed by the cloud and loads with the handler, as in `register`.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { spreadsheets } = require('../../adapters/platform/spreadsheet') as typeof import('../../adapters/platform/spreadsheet');
  return createComplaintsHandler(
    {
      ...cloudStores(cloud),
      content: wechatContentSecurity(cloud as never),
      files: wechatFileStore(cloud as never, cleanPhoto, randomIds.id),
      mediaChecker: wechatMediaChecker(cloud as never),
      cipher: aesCipher(parseKeyRing(requiredEnv('ZDT_DATA_KEYS'))),
      ids: randomIds,
      // Rate limits: the defaults of core/shared/rate-limit.ts, entries overridden by ZDT_RATE_LIMITS.
      limits: limitsFrom(process.env.ZDT_RATE_LIMITS),
      clock: systemClock,
      sheets: spreadsheets,
      documents: wechatDocumentFiles(cloud as never, randomIds.id),
    },
    jsonLogger,
  );
});
