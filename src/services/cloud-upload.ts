/**
 * Mini-program uploads: a local file into the person's own folder of cloud storage under a random
 * name (the folder the functions claim from); the answer is the `cloud://…` file id. `what` names
 * the thing in the failure message (照片 / 录音 / 文件).
 */
import Taro from '@tarojs/taro';
import { account } from './account';
import { ApiError, NETWORK_MESSAGE, ensureCloud, newRequestId } from './transport';

export async function uploadToOwnFolder(folder: (openid: string, name: string) => string, filePath: string, ext: string, what: string): Promise<string> {
  ensureCloud();
  try {
    const cloudPath = folder((await account.me()).openid, `${newRequestId()}.${ext}`);
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath });
    if (!res.fileID) throw new Error('no fileID');
    return res.fileID;
  } catch {
    throw new ApiError('UNAVAILABLE', `${what}没有传上去：${NETWORK_MESSAGE}`);
  }
}
