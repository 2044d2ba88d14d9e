/**
 * Where the mini-program uploads an official's spreadsheet in cloud storage, and the check the
 * `register` function makes before reading it: only files in the caller's own folder.
 */
export const REGISTER_UPLOAD_DIR = 'register-uploads';
const OPENID = /^[A-Za-z0-9_-]{6,64}$/;
const NAME = /^[A-Za-z0-9_-]{6,64}\.(xlsx|csv)$/;

/** `register-uploads/<openid>/<name>`: the cloudPath for wx.cloud.uploadFile. */
export function registerUploadPath(openid: string, name: string): string {
  if (!OPENID.test(openid) || !NAME.test(name)) throw new Error('registerUploadPath: bad openid or file name');
  return `${REGISTER_UPLOAD_DIR}/${openid}/${name}`;
}

/** Whether a cloud file id is an upload in this person's own register folder, and nothing else. */
export function isOwnDocument(fileId: string, openid: string): boolean {
  if (!OPENID.test(openid)) return false;
  const m = /^cloud:\/\/[A-Za-z0-9._-]+\/(.+)$/.exec(fileId);
  if (!m) return false;
  const [dir, owner, name, ...rest] = m[1].split('/');
  return dir === REGISTER_UPLOAD_DIR && owner === openid && rest.length === 0 && NAME.test(name ?? '');
}
