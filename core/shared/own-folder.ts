/**
 * Files people upload to cloud storage live in a folder of their own, `<dir>/<openid>/<name>`:
 * the path the mini-program uploads to, and the check a function makes before it reads a file id.
 */
const OPENID = /^[A-Za-z0-9_-]{6,64}$/;

/** `<dir>/<openid>/<name>`, the cloudPath for wx.cloud.uploadFile. Throws (as `caller`) on an openid or name the check would refuse. */
export function ownFolderPath(caller: string, dir: string, name: RegExp, openid: string, file: string): string {
  if (!OPENID.test(openid) || !name.test(file)) throw new Error(`${caller}: bad openid or file name`);
  return `${dir}/${openid}/${file}`;
}

/** Whether a cloud file id (`cloud://<env>.<bucket>/<cloudPath>`) is exactly `<dir>/<openid>/<name>`: no deeper folders, no "..". */
export function isInOwnFolder(dir: string, name: RegExp, fileId: string, openid: string): boolean {
  if (!OPENID.test(openid)) return false;
  const m = /^cloud:\/\/[A-Za-z0-9._-]+\/(.+)$/.exec(fileId);
  if (!m) return false;
  const [folder, owner, file, ...rest] = m[1].split('/');
  return folder === dir && owner === openid && rest.length === 0 && name.test(file ?? '');
}
