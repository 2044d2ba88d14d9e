/**
 * Cloud entry of `register` (officials' station register). The one cloud function that writes whole
 * stations, so its station store carries the pinyin option (search tokens are made on write).
 * exceljs and pinyin-pro are installed by the cloud from the generated package.json, not bundled.
 */
import { pinyinOf } from '../../adapters/pinyin';
import { createCloudbaseStationRepository } from '../../adapters/cloudbase/stations';
import type { CbDb } from '../../adapters/cloudbase/sdk';
import { randomIds } from '../../adapters/platform/crypto';
import { spreadsheets } from '../../adapters/platform/spreadsheet';
import { wechatDocumentFiles } from '../../adapters/platform/wechat-documents';
import { systemClock } from '../../core/ports';
import type { Region } from '../../core/station/model';
import { cloudEntry, cloudStores, jsonLogger } from '../_shared/cloud';
import { createRegisterHandler } from './handler';

export const main = cloudEntry('register', (cloud) => {
  const stores = cloudStores(cloud);
  return createRegisterHandler(
    {
      stations: createCloudbaseStationRepository(cloud.database() as unknown as CbDb, { pinyin: pinyinOf }),
      regionsFor: async (codes) => {
        const found = new Map<string, Region>();
        // A county's file names a few hundred regions: 20 reads in flight at a time.
        for (let i = 0; i < codes.length; i += 20) {
          for (const r of await Promise.all(codes.slice(i, i + 20).map((c) => stores.regions.get(c)))) if (r) found.set(r.code, r);
        }
        return found;
      },
      roles: stores.roles,
      audit: stores.audit,
      sheets: spreadsheets,
      documents: wechatDocumentFiles(cloud as never, randomIds.id),
      clock: systemClock,
      ids: randomIds,
    },
    jsonLogger,
  );
});
