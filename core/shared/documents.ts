/**
 * Where the mini-program uploads an official's spreadsheet in cloud storage, and the check the
 * `register` function makes before reading it: only files in the caller's own folder.
 */
import { isInOwnFolder, ownFolderPath } from './own-folder';

export const REGISTER_UPLOAD_DIR = 'register-uploads';
const NAME = /^[A-Za-z0-9_-]{6,64}\.(xlsx|csv)$/;

/** `register-uploads/<openid>/<name>`: the cloudPath for wx.cloud.uploadFile. */
export function registerUploadPath(openid: string, name: string): string {
  return ownFolderPath('registerUploadPath', REGISTER_UPLOAD_DIR, NAME, openid, name);
}

/** Whether a cloud file id is an upload in this person's own register folder, and nothing else. */
export function isOwnDocument(fileId: string, openid: string): boolean {
  return isInOwnFolder(REGISTER_UPLOAD_DIR, NAME, fileId, openid);
}
