/**
 * Cloud entry of `auth`: CloudBase stores, mini-program codes for the sign-in code, and CloudBase
 * custom-login tickets signed with the environment's private key (ZDT_CUSTOM_LOGIN_KEY, the JSON of
 * the key file from 身份认证 › 自定义登录). Without the key the function refuses to boot: a PC
 * could otherwise be "signed in" without being able to call anything.
 */
import { cloudbaseCustomLogin, randomSignInSecrets } from '../../adapters/platform/signin';
import { codeEnvVersionFrom, wechatCodeImages } from '../../adapters/platform/wechat';
import { audit, rateLimits, roles, signins } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, requiredEnv, type StoresFor } from '../_shared/cloud';
import { basicDeps } from '../_shared/deps';
import { createAuthHandler } from './handler';

export const main = cloudEntry('auth', (cloud) => {
  return createAuthHandler(
    {
      ...cloudStores(cloud, { signins, roles, audit, rateLimits } satisfies StoresFor<typeof createAuthHandler>),
      secrets: randomSignInSecrets,
      customLogin: cloudbaseCustomLogin(requiredEnv('ZDT_CUSTOM_LOGIN_KEY')),
      codes: wechatCodeImages(cloud as never, codeEnvVersionFrom(process.env.ZDT_CODE_ENV_VERSION)),
      ...basicDeps(),
    },
    jsonLogger,
  );
});
