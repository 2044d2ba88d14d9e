/**
 * Local implementations of the platform ports: deterministic content checks, the data key in a
 * file beside (not inside) the database, and a notifier that records deliveries for inspection.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import QRCode from 'qrcode';
import type { CodeImages, ContentSecurity, ContentVerdict, Notifier } from '../../core/ports';
import { parseKeyRing } from './crypto';
import type { OutboxMessage } from '../../core/complaint/model';

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

/** Locally a "sent" message is recorded here and stays visible in the outbox table. */
export function recordingNotifier(): Notifier & { delivered: OutboxMessage[]; failNext: number } {
  const n = {
    delivered: [] as OutboxMessage[],
    failNext: 0,
    async send(m: OutboxMessage) {
      if (n.failNext > 0) {
        n.failNext--;
        throw new Error('simulated delivery failure');
      }
      n.delivered.push(m);
    },
  };
  return n;
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
      const png = await QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 360 });
      return { contentType: 'image/png', base64: png.toString('base64') };
    },
  };
}
