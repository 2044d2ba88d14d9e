/**
 * Helpers for the complaint / rating / 我的 component tests: a fake local server behind the
 * mocked Taro.request (POST /api/<fn> {action, data, requestId}), fixtures shaped like the
 * functions' answers, and the Taro APIs those screens use beyond taro-mock's defaults.
 */
import { configure } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ComplaintView } from '@core/complaint/api';
import type { RatingView, SummaryView } from '@core/rating/api';
import { setDemoOpenid } from '@/services/identity';
import { resetElderModeForTest } from '@/store/elder';
import { complaintView } from './fixtures';
import { resetTaro } from './taro-mock';

// Two shared cores and parallel builds: give findBy/waitFor more than the default second.
configure({ asyncUtilTimeout: 5000 });

export interface Sent {
  fn: string;
  action: string;
  data: Record<string, unknown>;
  requestId?: string;
  header: Record<string, string>;
}

/** A handler answers data, throws `fail(code, message)` for an error envelope, or `offline()` for a lost answer. */
export type Handler = (data: Record<string, unknown>, requestId?: string) => unknown;

export class Fail {
  constructor(
    readonly code: string,
    readonly message: string,
    readonly fields?: Record<string, string>,
  ) {}
}
export const fail = (code: string, message: string, fields?: Record<string, string>) => new Fail(code, message, fields);
export class Offline {}
export const offline = () => new Offline();

const STATUS: Record<string, number> = { VALIDATION_ERROR: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, UNAVAILABLE: 503 };

/** Route Taro.request to handlers keyed "fn.action"; returns the log of what was sent. */
export function serve(handlers: Record<string, Handler>, extra: { identities?: unknown[] } = {}): Sent[] {
  const sent: Sent[] = [];
  (Taro.request as unknown as jest.Mock).mockImplementation(async (opts: { url: string; data?: { action: string; data: Record<string, unknown>; requestId?: string }; header?: Record<string, string> }) => {
    if (opts.url === '/dev/identities') {
      if (!extra.identities) return { statusCode: 404, data: { ok: false, error: { code: 'NOT_FOUND', message: '没有这个地址' } } };
      return { statusCode: 200, data: extra.identities };
    }
    const fn = opts.url.replace(/^\/api\//, '');
    const body = opts.data!;
    sent.push({ fn, action: body.action, data: body.data, requestId: body.requestId, header: opts.header ?? {} });
    const h = handlers[`${fn}.${body.action}`];
    if (!h) return { statusCode: 404, data: { ok: false, error: { code: 'NOT_FOUND', message: `没有 ${fn}.${body.action}` } } };
    try {
      const out = await h(body.data, body.requestId);
      if (out instanceof Offline) throw { errMsg: 'request:fail timeout' };
      if (out instanceof Fail) return { statusCode: STATUS[out.code] ?? 500, data: { ok: false, error: { code: out.code, message: out.message, fields: out.fields } } };
      return { statusCode: 200, data: { ok: true, data: out } };
    } catch (e) {
      if (e instanceof Fail) return { statusCode: STATUS[e.code] ?? 500, data: { ok: false, error: { code: e.code, message: e.message, fields: e.fields } } };
      throw e;
    }
  });
  return sent;
}

/** Taro APIs the feedback screens call that taro-mock does not define. */
export const extraTaro = {
  chooseImage: jest.fn(),
  chooseMedia: jest.fn(),
  showModal: jest.fn(() => Promise.resolve({ confirm: true, cancel: false })),
  redirectTo: jest.fn(() => Promise.resolve({ errMsg: 'ok' })),
  previewImage: jest.fn(() => Promise.resolve({ errMsg: 'ok' })),
  requestSubscribeMessage: jest.fn(() => Promise.resolve({ errMsg: 'ok' })),
};

/** Where every screen test starts: Taro reset, 长辈模式 off, the extra Taro APIs, and (given) the demo openid signed in. */
export function freshScreen(openid?: string): void {
  resetTaro();
  resetElderModeForTest();
  installExtraTaro();
  if (openid) setDemoOpenid(openid);
}

export function installExtraTaro(): void {
  for (const fn of Object.values(extraTaro)) fn.mockReset();
  extraTaro.showModal.mockImplementation(() => Promise.resolve({ confirm: true, cancel: false }));
  extraTaro.redirectTo.mockImplementation(() => Promise.resolve({ errMsg: 'ok' }));
  extraTaro.previewImage.mockImplementation(() => Promise.resolve({ errMsg: 'ok' }));
  extraTaro.requestSubscribeMessage.mockImplementation(() => Promise.resolve({ errMsg: 'ok' }));
  Object.assign(Taro, extraTaro);
}

/** H5 chooseImage answer with `n` small JPEGs. */
export function pickedJpegs(n: number, start = 1) {
  const tempFiles = Array.from({ length: n }, (_, i) => ({
    path: `blob:photo-${start + i}`,
    size: 1000,
    type: 'image/jpeg',
    originalFileObj: new Blob([new Uint8Array([0xff, 0xd8, 0xff, start + i])], { type: 'image/jpeg' }),
  }));
  return { tempFilePaths: tempFiles.map((f) => f.path), tempFiles, errMsg: 'chooseImage:ok' };
}

/** `fetch` for POST /api/upload: each call answers the next upl- id (or what `answer` says). */
export function mockUpload(answer?: (n: number) => { status: number; body: unknown } | 'offline') {
  let n = 0;
  const fetchMock = jest.fn(async () => {
    n += 1;
    const a = answer?.(n) ?? { status: 200, body: { ok: true, data: { id: `upl-test-photo-${String(n).padStart(4, '0')}` } } };
    if (a === 'offline') throw new TypeError('Failed to fetch');
    return { status: a.status, json: async () => a.body };
  });
  (globalThis as unknown as { fetch: unknown }).fetch = fetchMock;
  return fetchMock;
}

export function repliedView(over: Partial<ComplaintView> = {}): ComplaintView {
  return complaintView({
    status: 'replied',
    statusLabel: '已答复',
    version: 4,
    canWithdraw: false,
    canEvaluate: true,
    replyDueOn: '2025-06-16',
    reply: { text: '已核实，多收的 10 元已退还。', at: '2025-06-10T03:00:00.000Z' },
    timeline: [
      { at: '2025-06-04T02:00:00.000Z', action: 'submit', label: '提交投诉', status: 'submitted', note: null },
      { at: '2025-06-05T02:00:00.000Z', action: 'accept', label: '受理', status: 'accepted', note: null },
      { at: '2025-06-10T03:00:00.000Z', action: 'reply', label: '答复', status: 'replied', note: '已核实，多收的 10 元已退还。' },
    ],
    ...over,
  });
}

export function ratingView(over: Partial<RatingView> = {}): RatingView {
  return {
    id: 'rat-0001-abcdef',
    stationId: 'st-ydgj-01',
    stationName: '江西电商扶贫工程贡江镇服务站',
    scores: { attitude: 5, pricing: 4, cleanliness: 4, efficiency: 5 },
    comment: '服务很好',
    visitVerified: false,
    status: 'published',
    statusLabel: '已公开',
    createdAt: '2025-06-04T02:00:00.000Z',
    reply: null,
    ...over,
  };
}

export function summaryView(over: Partial<SummaryView> = {}): SummaryView {
  return {
    stationId: 'st-ydgj-01',
    count: 3,
    visitVerified: 1,
    overall: 4.2,
    dimensions: [
      { dimension: 'attitude', smoothed: 4.4, raw: 5 },
      { dimension: 'pricing', smoothed: 4.1, raw: 4.3 },
      { dimension: 'cleanliness', smoothed: 4, raw: 4 },
      { dimension: 'efficiency', smoothed: 4.3, raw: 4.7 },
    ],
    fewRatings: true,
    canRate: true,
    ...over,
  };
}

/** Let pending promises and React updates run. */
export const flush = () => new Promise((r) => setTimeout(r, 0));
