/**
 * WeChat implementations of the platform ports, over the `cloud` object of wx-server-sdk
 * (passed in, so nothing here loads the SDK). Cloud functions using them declare the openapi
 * permissions in their config.json.
 */
import type { ContentSecurity, ContentVerdict, Notifier } from '../../core/ports';
import { buildSubscribeMessage, type MiniprogramState, type SubscribeTemplates } from '../../core/notify/subscribe';
import { AppError } from '../../core/shared/errors';
import { isOwnUpload } from '../../core/shared/image';
import { checkVoiceFile, type AudioType } from '../../core/media/voice';

const AUDIO_EXT: Record<AudioType, string> = { 'audio/mpeg': 'mp3', 'audio/aac': 'aac', 'audio/mp4': 'm4a', 'audio/webm': 'webm', 'audio/ogg': 'ogg', 'audio/wav': 'wav' };
import type { CodeImages, FileStore } from '../../core/ports';
import type { MediaChecker } from '../../core/media/check';

interface WxCloud {
  openapi: {
    security: {
      msgSecCheck(req: Record<string, unknown>): Promise<{ result?: { suggest?: string }; errCode?: number }>;
      mediaCheckAsync(req: Record<string, unknown>): Promise<{ traceId?: string; trace_id?: string; errCode?: number }>;
    };
    subscribeMessage: { send(req: Record<string, unknown>): Promise<{ errCode?: number }> };
  };
}

/** msgSecCheck v2 scenes: 1 资料, 2 评论, 3 论坛, 4 社交日志. */
const SCENES = { profile: 1, complaint: 2, rating: 2, objection: 3 } as const;

export function wechatContentSecurity(cloud: WxCloud): ContentSecurity {
  return {
    async checkText(text, ctx): Promise<ContentVerdict> {
      const r = await cloud.openapi.security.msgSecCheck({ openid: ctx.openid, scene: SCENES[ctx.scene], version: 2, content: text });
      const suggest = r.result?.suggest;
      if (suggest === 'pass' || suggest === 'review' || suggest === 'risky') return suggest;
      throw new Error('unexpected msgSecCheck answer');
    },
  };
}

/**
 * Subscribe messages: the payload is built in core/notify/subscribe.ts (templates from
 * ZDT_SUBSCRIBE_TEMPLATES, checked at boot); the cloud call takes the same body with camelCase
 * names. An event without a template is not sent (and not an error). WeChat's refusals come back
 * as errors named by their cause, so the outbox records why (no personal data).
 */
export function wechatNotifier(cloud: WxCloud, templates: SubscribeTemplates, state: MiniprogramState = 'formal'): Notifier {
  return {
    async send(m) {
      const p = buildSubscribeMessage(m, templates, state);
      if (!p) return;
      try {
        await cloud.openapi.subscribeMessage.send({ touser: p.touser, templateId: p.template_id, page: p.page, data: p.data, miniprogramState: p.miniprogram_state, lang: 'zh_CN' });
      } catch (err) {
        throw subscribeError(err);
      }
    },
  };
}

/** errCode → a name for the outbox: 43101 no consent, 47003 a value, 41030 the page, 40037 the template. */
const SUBSCRIBE_ERRORS: Record<number, string> = { 43101: 'SubscribeNotConsented', 47003: 'SubscribeValueRefused', 41030: 'SubscribePageRefused', 40037: 'SubscribeTemplateRefused' };

function subscribeError(err: unknown): Error {
  const code = Number((err as { errCode?: unknown } | null)?.errCode);
  const e = new Error(`subscribeMessage.send failed (${Number.isFinite(code) ? code : 'unknown'})`);
  e.name = SUBSCRIBE_ERRORS[code] ?? 'SubscribeSendFailed';
  return e;
}

interface WxStorage {
  downloadFile(req: { fileID: string }): Promise<{ fileContent: Buffer }>;
  uploadFile(req: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  deleteFile(req: { fileList: string[] }): Promise<unknown>;
  getTempFileURL(req: { fileList: string[] }): Promise<{ fileList: { fileID: string; tempFileURL: string; status: number }[] }>;
}

const invalidPhoto = () => new AppError('VALIDATION_ERROR', '图片无效，请重新上传', { photos: '图片无效' });

/** A storage answer that says the file is not there (then the photo is invalid, not the service down). */
function isMissingFile(err: unknown): boolean {
  const e = err as { errCode?: unknown; errMsg?: unknown; message?: unknown; code?: unknown } | null;
  return /NONEXIST|not ?exist|not found|404/i.test([e?.code, e?.errCode, e?.errMsg, e?.message].filter((x) => x !== undefined).join(' '));
}

/**
 * Cloud storage: the client uploads to `complaint-uploads/<its openid>/<name>` (complaintUploadPath
 * in core/shared/image.ts); claiming checks the file is in the caller's own folder, downloads it,
 * checks the type and size, strips location data, stores the clean copy under `complaint-photos/`
 * (which the storage rules keep private) and deletes the upload. Views are temporary URLs.
 */
export function wechatFileStore(cloud: WxStorage, cleaner: (b: Uint8Array) => { ok: true; bytes: Uint8Array; type: string } | { ok: false; message: string }, newId: () => string): FileStore {
  /**
   * The caller's own upload: someone else's, or a file outside the upload folders, is never taken
   * (nor deleted) and, like a missing file, is `invalid()`; a failed download is `unreadable`.
   */
  async function ownUpload(fileId: string, openid: string, invalid: () => AppError, unreadable: string): Promise<Buffer> {
    if (!isOwnUpload(fileId, openid)) throw invalid();
    try {
      return (await cloud.downloadFile({ fileID: fileId })).fileContent;
    } catch (err) {
      if (isMissingFile(err)) throw invalid();
      throw new AppError('UNAVAILABLE', unreadable);
    }
  }
  return {
    async claim(fileId: string, openid: string): Promise<string> {
      const fileContent = await ownUpload(fileId, openid, invalidPhoto, '照片暂时无法读取，请稍后再试');
      const cleaned = cleaner(new Uint8Array(fileContent));
      if (!cleaned.ok) throw new AppError('VALIDATION_ERROR', cleaned.message, { photos: cleaned.message });
      const ext = cleaned.type === 'image/png' ? 'png' : 'jpg';
      const { fileID } = await cloud.uploadFile({ cloudPath: `complaint-photos/${newId()}.${ext}`, fileContent: Buffer.from(cleaned.bytes) });
      // The clean copy is stored: a failed delete leaves only the person's own upload behind.
      await cloud.deleteFile({ fileList: [fileId] }).catch(() => undefined);
      return fileID;
    },
    async claimVoice(fileId: string, openid: string): Promise<string> {
      // As photos: own upload only; the checked copy moves to the private `complaint-voice/` folder.
      const invalid = () => new AppError('VALIDATION_ERROR', '录音无效，请重新录', { voice: '录音无效' });
      const fileContent = await ownUpload(fileId, openid, invalid, '录音暂时无法读取，请稍后再试');
      const checked = checkVoiceFile(new Uint8Array(fileContent));
      if (!checked.ok) throw new AppError('VALIDATION_ERROR', checked.message, { voice: checked.message });
      const { fileID } = await cloud.uploadFile({ cloudPath: `complaint-voice/${newId()}.${AUDIO_EXT[checked.type]}`, fileContent });
      await cloud.deleteFile({ fileList: [fileId] }).catch(() => undefined);
      return fileID;
    },
    async viewUrls(ids: string[]): Promise<string[]> {
      if (!ids.length) return [];
      const r = await cloud.getTempFileURL({ fileList: ids });
      // In the order asked; '' for a file the storage could not link (status ≠ 0).
      return ids.map((id) => r.fileList.find((f) => f.fileID === id && f.status === 0)?.tempFileURL ?? '');
    },
  };
}

/**
 * security.mediaCheckAsync v2 (declared in the complaints function's config.json). WeChat downloads
 * the photo from a URL it can reach, so the checker gets a temporary link of the stored file
 * (cloud:// ids are not accepted); the verdict comes later as a `wxa_media_check` push to the
 * `mediacheck` function (docs/cloudbase.md, "Photo checks"). The cloud call answers `traceId`.
 */
export function wechatMediaChecker(cloud: WxCloud & WxStorage): MediaChecker {
  return {
    async check(fileId, ctx) {
      const links = await cloud.getTempFileURL({ fileList: [fileId] });
      const url = links.fileList.find((f) => f.fileID === fileId && f.status === 0)?.tempFileURL;
      if (!url) throw new Error('mediaCheckAsync: no link for the photo');
      // media_type 1 = audio, 2 = image.
      const r = await cloud.openapi.security.mediaCheckAsync({ mediaUrl: url, mediaType: ctx.media === 'audio' ? 1 : 2, version: 2, openid: ctx.openid, scene: 2 });
      const traceId = r.traceId ?? r.trace_id;
      if (r.errCode || !traceId) throw new Error(`mediaCheckAsync failed (${r.errCode ?? 'no trace id'})`);
      return traceId;
    },
    async discard(fileId) {
      await cloud.deleteFile({ fileList: [fileId] });
    },
  };
}

interface WxCode {
  openapi: {
    wxacode: {
      getUnlimited(req: { scene: string; page: string; checkPath?: boolean; envVersion?: string; width?: number }): Promise<{ buffer?: Buffer | Uint8Array; contentType?: string; errCode?: number; errMsg?: string }>;
    };
  };
}

/** wxacode env_version: which version of the mini-program a code opens. */
export type CodeEnvVersion = 'release' | 'trial' | 'develop';

/** ZDT_CODE_ENV_VERSION: `trial` or `develop` before the first release (a release code opens nothing yet). */
export function codeEnvVersionFrom(value: string | undefined): CodeEnvVersion {
  if (!value) return 'release';
  if (value === 'release' || value === 'trial' || value === 'develop') return value;
  throw new Error('ZDT_CODE_ENV_VERSION: release, trial or develop');
}

/**
 * The station's mini-program code (wxacode.getUnlimited, declared in the function's config.json):
 * `scene` is at most 32 visible characters, the page opens with it in `options.scene`.
 * `checkPath: false` so codes can be made before the page is released; `envVersion` says which
 * version the code opens (trial or develop before release, else scanning opens nothing).
 */
export function wechatCodeImages(cloud: WxCode, envVersion: CodeEnvVersion = 'release'): CodeImages {
  return {
    async stationCode(scene, page) {
      const r = await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false, envVersion, width: 430 });
      if (r.errCode || !r.buffer || !r.buffer.length) throw new Error(`wxacode.getUnlimited failed (${r.errCode ?? 'no image'})`);
      return { contentType: r.contentType || 'image/jpeg', base64: Buffer.from(r.buffer).toString('base64') };
    },
  };
}
