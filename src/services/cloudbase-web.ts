/**
 * The deployed H5 build on CloudBase static hosting (docs/cloudbase.md “Officials' PC desk on
 * static hosting”): functions are called through @cloudbase/js-sdk instead of the local server.
 * Only a build with TARO_APP_CLOUDBASE_ENV set (the `CLOUDBASE_ENV` constant) contains the SDK: the
 * import below sits behind that constant, so the local H5 build and the weapp drop it whole.
 *
 * Identity: the PC signs in anonymously (it may only ask for a sign-in code then); after the
 * official confirms, `auth.poll` answers a custom-login ticket and the PC signs in with it, its
 * CloudBase user id being the official's openid. Every call carries the PC session token as
 * `session`, which each function checks (cloudfunctions/_shared/cloud.ts callerOf).
 *
 * Not verified against a real environment here: the calls follow the js-sdk 3.x typings
 * (signInAnonymously, signInWithCustomTicket, signOut, callFunction, uploadFile).
 */

interface CloudbaseAuth {
  hasLoginState(): unknown;
  signInAnonymously(data?: Record<string, never>): Promise<unknown>;
  signInWithCustomTicket(getTicket: () => Promise<string>): Promise<unknown>;
  signOut(): Promise<unknown>;
}
interface CloudbaseApp {
  auth(): CloudbaseAuth;
  callFunction(options: { name: string; data?: Record<string, unknown> }): Promise<{ result?: unknown }>;
  /** js-sdk 3.x web: `filePath` is the File (or Blob) itself (docs.cloudbase.net/storage/upload-file). */
  uploadFile(options: { cloudPath: string; filePath: Blob }): Promise<{ fileID?: string }>;
}

/** True in an H5 build for CloudBase static hosting. */
export const onCloudbaseWeb = (): boolean => process.env.TARO_ENV === 'h5' && !!CLOUDBASE_ENV;

let app: Promise<CloudbaseApp> | null = null;

function loadApp(): Promise<CloudbaseApp> {
  if (!app) {
    // A constant condition: without CLOUDBASE_ENV the bundler drops the import (and the SDK).
    const sdk =
      process.env.TARO_ENV === 'h5' && CLOUDBASE_ENV
        ? import(/* webpackChunkName: "cloudbase" */ '@cloudbase/js-sdk')
        : Promise.reject(new Error('not a CloudBase build'));
    app = sdk.then((m) => {
      const cloudbase = ((m as { default?: unknown }).default ?? m) as { init(config: { env: string }): CloudbaseApp };
      return cloudbase.init({ env: CLOUDBASE_ENV });
    });
    app.catch(() => {
      app = null; // tried again on the next call
    });
  }
  return app;
}

async function signedInApp(): Promise<CloudbaseApp> {
  const a = await loadApp();
  const auth = a.auth();
  if (!auth.hasLoginState()) await auth.signInAnonymously({});
  return a;
}

/** `callFunction` as the current CloudBase user; the PC session token rides along as `session`. */
export async function callCloudbase(name: string, body: object, session: string | null): Promise<unknown> {
  const a = await signedInApp();
  const res = await a.callFunction({ name, data: { ...body, ...(session ? { session } : {}) } });
  return res.result;
}

/**
 * Upload to cloud storage as the signed-in official (custom login), answering the file id the
 * functions claim, as the mini-program's `wx.cloud.uploadFile` does. The storage rule must let
 * custom-login users write (docs/cloudbase.md “Cloud storage”).
 */
export async function uploadCloudbase(cloudPath: string, file: Blob): Promise<string> {
  const a = await signedInApp();
  const res = await a.uploadFile({ cloudPath, filePath: file });
  if (typeof res.fileID !== 'string' || res.fileID === '') throw new Error('no fileID');
  return res.fileID;
}

/** After `auth.poll` answered signedIn: the CloudBase login becomes the official's. */
export async function signInWithTicket(ticket: string): Promise<void> {
  const a = await loadApp();
  await a.auth().signInWithCustomTicket(() => Promise.resolve(ticket));
}

/** 退出登录: the CloudBase login ends too (the session itself is revoked by `auth.signOut`). */
export async function signOutCloudbase(): Promise<void> {
  const a = await loadApp();
  await a.auth().signOut();
}
