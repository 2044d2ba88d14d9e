/** Cloud entry of `heads`: CloudBase stores, the data keys (sign-in codes: keyed hash, operator's copy encrypted). */
import { aesCipher, parseKeyRing } from '../../adapters/platform/crypto';
import { codeEnvVersionFrom, wechatCodeImages } from '../../adapters/platform/wechat';
import { audit, complaints, heads, ledger, rateLimits, ratings, recruitment, roles, settings, stations, visits } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, requiredEnv, type StoresFor } from '../_shared/cloud';
import { basicDeps } from '../_shared/deps';
import { createHeadsHandler } from './handler';

export const main = cloudEntry('heads', (cloud) => {
  return createHeadsHandler(
    {
      ...cloudStores(cloud, { heads, recruitment, stations, ledger, visits, complaints, ratings, settings, roles, audit, rateLimits } satisfies StoresFor<typeof createHeadsHandler>),
      cipher: aesCipher(parseKeyRing(requiredEnv('ZDT_DATA_KEYS'))),
      codes: wechatCodeImages(cloud as never, codeEnvVersionFrom(process.env.ZDT_CODE_ENV_VERSION)),
      ...basicDeps(),
    },
    jsonLogger,
  );
});
