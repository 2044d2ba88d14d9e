/**
 * Cloud entry of `register` (officials' station register). The one cloud function that writes whole
 * stations, so its station store carries the pinyin option (search tokens are made on write).
 * exceljs and pinyin-pro are installed by the cloud from the generated package.json, not bundled.
 */
import { randomIds } from '../../adapters/platform/crypto';
import { wechatDocumentFiles } from '../../adapters/platform/wechat-documents';
import type { Region } from '../../core/station/model';
import { audit, calendars, certifications, mediaChecks, notices, poverty, rateLimits, regions, roles, settings, stations } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, type StoresFor } from '../_shared/cloud';
import { basicDeps, photoDeps } from '../_shared/deps';
import { createRegisterHandler } from './handler';

export const main = cloudEntry('register', (cloud) => {
  // The cloud-installed libraries load with the handler, not with the module: `main` loads without
  // them (npm run deploy:check requires every bundle outside the cloud).
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { pinyinOf } = require('../../adapters/pinyin') as typeof import('../../adapters/pinyin');
  const { spreadsheets } = require('../../adapters/platform/spreadsheet') as typeof import('../../adapters/platform/spreadsheet');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const stores = cloudStores(
    cloud,
    { stations, regions, roles, audit, rateLimits, certifications, notices, settings, poverty, calendars, mediaChecks } satisfies StoresFor<typeof createRegisterHandler>,
    { pinyin: pinyinOf },
  );
  return createRegisterHandler(
    {
      ...stores,
      regionsFor: async (codes) => {
        const found = new Map<string, Region>();
        // A county's file names a few hundred regions: 20 reads in flight at a time.
        for (let i = 0; i < codes.length; i += 20) {
          for (const r of await Promise.all(codes.slice(i, i + 20).map((c) => stores.regions.get(c)))) if (r) found.set(r.code, r);
        }
        return found;
      },
      sheets: spreadsheets,
      documents: wechatDocumentFiles(cloud as never, randomIds.id),
      // Photos of edits, applications and rectification answers: the complaints' upload path; new
      // station photos get the complaints' content check before approval can publish them.
      ...photoDeps(cloud),
      ...basicDeps(),
    },
    jsonLogger,
  );
});
