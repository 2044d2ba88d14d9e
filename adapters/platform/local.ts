/**
 * Local implementations of the platform ports: deterministic content checks, the data key in a
 * file beside (not inside) the database, and a notifier that records deliveries for inspection.
 */
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import QRCode from 'qrcode';
import type { CodeImages, ContentSecurity, ContentVerdict, Notifier } from '../../core/ports';
import type { MediaChecker, MediaVerdict } from '../../core/media/check';
import { parseKeyRing } from './crypto';
import type { OutboxMessage } from '../../core/complaint/model';
import { buildSubscribeMessage, localTemplates, type MiniprogramState, type SubscribePayload, type SubscribeTemplates } from '../../core/notify/subscribe';

/**
 * Deterministic stand-in for msgSecCheck so every outcome is testable:
 * words on RISKY_WORDS → risky; REVIEW_WORDS → review; "CHECKER-ERROR" → the checker throws.
 */
export const RISKY_WORDS = ['赌博', '代开发票', '枪支', 'RISKY-TEST'];
export const REVIEW_WORDS = ['REVIEW-TEST', '加微信返现'];

export function localContentSecurity(): ContentSecurity {
  return {
    async checkText(text: string): Promise<ContentVerdict> {
      if (text.includes('CHECKER-ERROR')) throw new Error('content checker unavailable');
      if (RISKY_WORDS.some((w) => text.includes(w))) return 'risky';
      if (REVIEW_WORDS.some((w) => text.includes(w))) return 'review';
      return 'pass';
    },
  };
}

/** Local mode: the key lives in a file beside (not inside) the database, created on first start. */
export function localKeyRing(file: string): { id: string; key: Buffer }[] {
  if (process.env.ZDT_DATA_KEYS) return parseKeyRing(process.env.ZDT_DATA_KEYS);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `k1:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  return parseKeyRing(readFileSync(file, 'utf8'));
}

/**
 * Locally a "sent" message is built exactly as for WeChat (core/notify/subscribe.ts, a local
 * template per event kind) and recorded; it stays visible in the outbox table. Demo identities
 * count as having consented to every template, so every message is delivered.
 */
export function recordingNotifier(templates: SubscribeTemplates = localTemplates(), state: MiniprogramState = 'formal'): Notifier & { delivered: OutboxMessage[]; sent: SubscribePayload[]; failNext: number; failAs: string } {
  const n = {
    delivered: [] as OutboxMessage[],
    sent: [] as SubscribePayload[],
    failNext: 0,
    /** The error name of a simulated failure (as adapters/platform/wechat.ts names WeChat's codes). */
    failAs: 'Error',
    async send(m: OutboxMessage) {
      if (n.failNext > 0) {
        n.failNext--;
        const e = new Error('simulated delivery failure');
        e.name = n.failAs;
        throw e;
      }
      const payload = buildSubscribeMessage(m, templates, state);
      n.delivered.push(m);
      if (payload) n.sent.push(payload);
    },
  };
  return n;
}

/**
 * Local stand-in for security.mediaCheckAsync and its message push. `check` queues the photo and
 * answers a trace id at once, as WeChat does; `deliver` (run with the scheduler, so a demo sees a
 * photo appear after one step) answers each queued check with the `wxa_media_check` event WeChat
 * would push. Every photo passes, except the next `failNext` checks and files in `risky` (tests).
 */
export function localMediaChecker(remove: (fileId: string) => void = () => undefined): MediaChecker & {
  failNext: number;
  risky: Set<string>;
  queued: number;
  deliver(): Record<string, unknown>[];
} {
  const queue: { traceId: string; fileId: string; openid: string; verdict: MediaVerdict }[] = [];
  const m = {
    failNext: 0,
    risky: new Set<string>(),
    get queued() {
      return queue.length;
    },
    async check(fileId: string, ctx: { openid: string }) {
      const traceId = `local-${randomBytes(12).toString('hex')}`;
      const fail = m.failNext > 0 || m.risky.has(fileId);
      if (m.failNext > 0) m.failNext--;
      queue.push({ traceId, fileId, openid: ctx.openid, verdict: fail ? 'risky' : 'pass' });
      return traceId;
    },
    async discard(fileId: string) {
      remove(fileId);
    },
    deliver() {
      return queue.splice(0).map((q) => ({
        ToUserName: 'local',
        FromUserName: q.openid,
        CreateTime: Math.floor(Date.now() / 1000),
        MsgType: 'event',
        Event: 'wxa_media_check',
        appid: 'local',
        trace_id: q.traceId,
        version: 2,
        result: { suggest: q.verdict, label: q.verdict === 'pass' ? 100 : 20002 },
        detail: [],
      }));
    },
  };
  return m;
}

/**
 * Locally the station code is a plain QR code (PNG) of a link carrying the signed scene:
 * `zdt://station?scene=…` by default, or the H5 station page (`<baseUrl>/<page>?scene=…`, which
 * reads `scene` like the mini-program page does) when `baseUrl` is given.
 */
export function qrCodeImages(opts: { baseUrl?: string } = {}): CodeImages {
  return {
    async stationCode(scene, page) {
      const q = `scene=${encodeURIComponent(scene)}`;
      const text = opts.baseUrl ? `${opts.baseUrl.replace(/\/+$/, '')}/${page}?${q}` : `zdt://station?${q}`;
      return { contentType: 'image/png', base64: qrPng(text).toString('base64') };
    },
  };
}

/** Width of the local QR image in pixels (rounded down to whole pixels per module). */
export const QR_TARGET_PX = 360;
const QR_MARGIN = 4;

/**
 * The QR matrix from `qrcode`, written as an 8-bit greyscale PNG with zlib directly: synchronous
 * and a few milliseconds (qrcode's own PNG path goes through pngjs streams).
 */
export function qrPng(text: string): Buffer {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const cells = size + 2 * QR_MARGIN;
  const scale = Math.max(1, Math.floor(QR_TARGET_PX / cells));
  const px = cells * scale;
  const raw = Buffer.alloc((px + 1) * px, 255);
  for (let y = 0; y < px; y++) {
    const row = y * (px + 1);
    raw[row] = 0; // filter: none
    const my = Math.floor(y / scale) - QR_MARGIN;
    if (my < 0 || my >= size) continue;
    for (let x = 0; x < px; x++) {
      const mx = Math.floor(x / scale) - QR_MARGIN;
      if (mx >= 0 && mx < size && data[my * size + mx]) raw[row + 1 + x] = 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(px, 0);
  header.writeUInt32BE(px, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}
