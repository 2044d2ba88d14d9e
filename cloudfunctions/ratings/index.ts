/** Cloud entry of `ratings`: CloudBase stores, msgSecCheck, HMAC signing keys, mini-program codes. */
import { hmacSigner, parseKeyRing } from '../../adapters/platform/crypto';
import { codeEnvVersionFrom, wechatCodeImages, wechatContentSecurity } from '../../adapters/platform/wechat';
import { audit, rateLimits, ratings, roles, stations } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, requiredEnv, type StoresFor } from '../_shared/cloud';
import { basicDeps } from '../_shared/deps';
import { createRatingsHandler } from './handler';

export const main = cloudEntry('ratings', (cloud) => {
  // A separate signing ring when configured; else the data keys (the signer derives purpose-bound keys).
  const keys = process.env.ZDT_SIGNING_KEYS || requiredEnv('ZDT_DATA_KEYS');
  return createRatingsHandler(
    {
      ...cloudStores(cloud, { ratings, stations, roles, audit, rateLimits } satisfies StoresFor<typeof createRatingsHandler>),
      content: wechatContentSecurity(cloud as never),
      signer: hmacSigner(parseKeyRing(keys)),
      codes: wechatCodeImages(cloud as never, codeEnvVersionFrom(process.env.ZDT_CODE_ENV_VERSION)),
      ...basicDeps(),
    },
    jsonLogger,
  );
});
