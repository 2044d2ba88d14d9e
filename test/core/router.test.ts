/** The action router: strict event, strict data, error envelope (docs/product.md §9), logs without input. */
import { AppError, ERROR_CODES, type Envelope } from '../../core/shared/errors';
import { action, createRouter, type Logger } from '../../core/shared/router';
import { text, z } from '../../core/shared/zod';

const SECRET = 'S3CRET-13907971234-张三丰';

type Entry = { level: 'info' | 'error'; entry: Record<string, unknown> };
function spyLogger(): Logger & { entries: Entry[] } {
  const entries: Entry[] = [];
  return {
    entries,
    info: (entry) => entries.push({ level: 'info', entry }),
    error: (entry) => entries.push({ level: 'error', entry }),
  };
}

interface Ctx {
  openid: string | null;
}
const ctx: Ctx = { openid: 'o-test' };

const runs: { input: unknown; ctx: Ctx; meta: { requestId?: string } }[] = [];

function makeRouter(logger?: Logger) {
  return createRouter(
    'demo',
    {
      echo: action({
        input: z.strictObject({ name: text(10, '名称'), count: z.optional(z.int().check(z.gte(1), z.lte(5))), tags: z.optional(z.array(z.string()).check(z.maxLength(2))) }),
        run: (input, c, meta) => {
          runs.push({ input, ctx: c, meta });
          return { hello: input.name, count: input.count ?? 0 };
        },
      }),
      optional: action({ input: z.strictObject({ note: z.optional(z.string()) }), run: (input) => ({ got: input }) }),
      nested: action({
        input: z.strictObject({ where: z.strictObject({ lat: z.number(), lng: z.number() }) }),
        run: (input) => input.where,
      }),
      forbidden: action({
        input: z.strictObject({}),
        run: () => {
          throw new AppError('FORBIDDEN', '只能查看本县的投诉');
        },
      }),
      conflict: action({
        input: z.strictObject({}),
        run: async () => {
          throw new AppError('CONFLICT', undefined, { version: '已被他人修改' });
        },
      }),
      boom: action({
        input: z.strictObject({ secret: z.string() }),
        run: (input) => {
          throw new Error(`cannot handle ${input.secret}`);
        },
      }),
      boomMultiline: action({
        input: z.strictObject({ secret: z.string() }),
        run: (input) => {
          throw new Error(`cannot handle value\nvalue was: ${input.secret}\nend`);
        },
      }),
      boomAsync: action({
        input: z.strictObject({ secret: z.string() }),
        run: async (input) => {
          await Promise.resolve();
          throw new TypeError(`bad ${input.secret}`);
        },
      }),
      throwsString: action({
        input: z.strictObject({ secret: z.string() }),
        run: (input) => {
          throw `oops ${input.secret}`;
        },
      }),
      throwsNull: action({
        input: z.strictObject({}),
        run: () => {
          throw null;
        },
      }),
    },
    logger,
  );
}

const HAN = /\p{Script=Han}/u;

function expectError(res: Envelope<unknown>, code: string): { code: string; message: string; fields?: Record<string, string> } {
  expect(res.ok).toBe(false);
  if (res.ok) throw new Error('expected an error');
  expect(res.error.code).toBe(code);
  expect(res.error.message).toMatch(HAN);
  expect(Object.keys(res).sort()).toEqual(['error', 'ok']);
  return res.error;
}

beforeEach(() => {
  runs.length = 0;
});

describe('success', () => {
  test('runs the action with validated input, the caller context and the requestId', async () => {
    const handle = makeRouter();
    const res = await handle({ action: 'echo', data: { name: '  水头村  ', count: 2 }, requestId: 'req_0123456789-ab' }, ctx);
    expect(res).toEqual({ ok: true, data: { hello: '水头村', count: 2 } });
    expect(runs).toEqual([{ input: { name: '水头村', count: 2 }, ctx, meta: { requestId: 'req_0123456789-ab' } }]);
  });

  test('absent or null data is an empty object', async () => {
    const handle = makeRouter();
    expect(await handle({ action: 'optional' }, ctx)).toEqual({ ok: true, data: { got: {} } });
    expect(await handle({ action: 'optional', data: null }, ctx)).toEqual({ ok: true, data: { got: {} } });
  });
});

describe('VALIDATION_ERROR', () => {
  test('an unknown field in data is rejected and named', async () => {
    const handle = makeRouter();
    const err = expectError(await handle({ action: 'echo', data: { name: '水头村', extra: 1 } }, ctx), 'VALIDATION_ERROR');
    expect(err).toEqual({ code: 'VALIDATION_ERROR', message: '提交的内容里有不支持的字段', fields: { 'data.extra': '不支持的字段' } });
    expect(runs).toEqual([]);
  });

  test('an unknown nested field is named by its path', async () => {
    const handle = makeRouter();
    const err = expectError(await handle({ action: 'nested', data: { where: { lat: 1, lng: 2, alt: 3 } } }, ctx), 'VALIDATION_ERROR');
    expect(err.fields).toEqual({ 'data.where.alt': '不支持的字段' });
  });

  test('an unknown top-level event field is rejected and named', async () => {
    const handle = makeRouter();
    const err = expectError(await handle({ action: 'echo', data: { name: '水头村' }, openid: 'forged' }, ctx), 'VALIDATION_ERROR');
    expect(err).toEqual({ code: 'VALIDATION_ERROR', message: '提交的内容里有不支持的字段', fields: { openid: '不支持的字段' } });
    expect(runs).toEqual([]);
  });

  test.each(['__proto__', 'constructor', 'toString', 'prototype', 'hasOwnProperty'])('the field %s (from JSON) is rejected and named', async (key) => {
    const handle = makeRouter();
    const top = expectError(await handle(JSON.parse(`{"action":"optional","${key}":{"polluted":true}}`), ctx), 'VALIDATION_ERROR');
    expect(top.fields).toEqual({ [key]: '不支持的字段' });
    expect(Object.keys(top.fields as object)).toEqual([key]);
    expect(top.message).toBe('提交的内容里有不支持的字段');
    const inData = expectError(await handle(JSON.parse(`{"action":"optional","data":{"${key}":{"polluted":true}}}`), ctx), 'VALIDATION_ERROR');
    expect(inData.fields).toEqual({ [`data.${key}`]: '不支持的字段' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('wrong types say 格式不对, missing values say 必填', async () => {
    const handle = makeRouter();
    expect(expectError(await handle({ action: 'echo', data: { name: 5 } }, ctx), 'VALIDATION_ERROR')).toEqual({
      code: 'VALIDATION_ERROR',
      message: '姓名格式不对',
      fields: { 'data.name': '格式不对' },
    });
    expect(expectError(await handle({ action: 'echo', data: {} }, ctx), 'VALIDATION_ERROR').fields).toEqual({ 'data.name': '必填' });
    expect(expectError(await handle({ action: 'echo', data: { name: '水头', count: 1.5 } }, ctx), 'VALIDATION_ERROR').fields).toEqual({ 'data.count': '格式不对' });
    expect(expectError(await handle({ action: 'echo', data: { name: '水头', count: '2' } }, ctx), 'VALIDATION_ERROR').fields).toEqual({ 'data.count': '格式不对' });
    expect(expectError(await handle({ action: 'echo', data: { name: '水头', count: null } }, ctx), 'VALIDATION_ERROR').fields).toEqual({ 'data.count': '格式不对' });
    expect(expectError(await handle({ action: 'nested', data: { where: { lat: Number.NaN, lng: Infinity } } }, ctx), 'VALIDATION_ERROR').fields).toEqual({
      'data.where.lat': '格式不对',
      'data.where.lng': '格式不对',
    });
    expect(expectError(await handle({ action: 'echo', data: [1, 2] }, ctx), 'VALIDATION_ERROR').fields).toEqual({ data: '格式不对' });
    expect(expectError(await handle({ action: 'echo', data: '水头' }, ctx), 'VALIDATION_ERROR').fields).toEqual({ data: '格式不对' });
  });

  test('ranges and lengths use our Chinese messages', async () => {
    const handle = makeRouter();
    expect(expectError(await handle({ action: 'echo', data: { name: '   ' } }, ctx), 'VALIDATION_ERROR').fields).toEqual({ 'data.name': '请填写名称' });
    expect(expectError(await handle({ action: 'echo', data: { name: '一二三四五六七八九十一' } }, ctx), 'VALIDATION_ERROR').fields).toEqual({
      'data.name': '名称最多 10 个字',
    });
    expect(expectError(await handle({ action: 'echo', data: { name: '水头', count: 6 } }, ctx), 'VALIDATION_ERROR').fields).toEqual({ 'data.count': '不能大于 5' });
    expect(expectError(await handle({ action: 'echo', data: { name: '水头', count: 0 } }, ctx), 'VALIDATION_ERROR').fields).toEqual({ 'data.count': '不能小于 1' });
    expect(expectError(await handle({ action: 'echo', data: { name: '水头', tags: ['a', 'b', 'c'] } }, ctx), 'VALIDATION_ERROR').fields).toEqual({
      'data.tags': '最多 2 项',
    });
    expect(expectError(await handle({ action: 'echo', data: { name: '水头', tags: ['a', 3] } }, ctx), 'VALIDATION_ERROR').fields).toEqual({ 'data.tags.1': '格式不对' });
  });

  test('one problem: the message names the field in Chinese, never by its path or an identifier', async () => {
    const handle = makeRouter();
    const one = async (data: unknown, action = 'echo') => expectError(await handle({ action, data }, ctx), 'VALIDATION_ERROR').message;
    expect(await one({})).toBe('请填写姓名');
    expect(await one({ name: '水头', count: 6 })).toBe('填写的内容不能大于 5');
    expect(await one({ name: '水头', tags: ['a', 'b', 'c'] })).toBe('填写的内容最多 2 项');
    expect(await one({ where: { lat: 'x', lng: 2 } }, 'nested')).toBe('纬度格式不对');
    expect(await one('水头')).toBe('提交的内容格式不对');
    // Our own messages already say what is wrong with which field: used as they are.
    expect(await one({ name: '   ' })).toBe('请填写名称');
    expect(expectError(await handle({ data: {} }, ctx), 'VALIDATION_ERROR').message).toBe('请填写操作');
    for (const message of [await one({ name: 5 }), await one({ where: { lat: 1 } }, 'nested'), await one({ name: '水头', bogus: 1 })]) {
      expect(message).not.toMatch(/data|\.|[A-Za-z]{3,}/);
    }
  });

  test('several problems: every field named, a counting message', async () => {
    const handle = makeRouter();
    const err = expectError(await handle({ action: 'echo', data: { name: 5, count: 9, bogus: true } }, ctx), 'VALIDATION_ERROR');
    expect(err.fields).toEqual({ 'data.name': '格式不对', 'data.count': '不能大于 5', 'data.bogus': '不支持的字段' });
    expect(err.message).toBe('有 3 处填写有误，请检查');
  });

  test('missing or malformed action', async () => {
    const handle = makeRouter();
    expect(expectError(await handle({ data: {} }, ctx), 'VALIDATION_ERROR').fields).toEqual({ action: '必填' });
    expect(expectError(await handle({ action: '' }, ctx), 'VALIDATION_ERROR').fields).toEqual({ action: '不能为空' });
    expect(expectError(await handle({ action: 42 }, ctx), 'VALIDATION_ERROR').fields).toEqual({ action: '格式不对' });
    expect(expectError(await handle({ action: 'x'.repeat(41) }, ctx), 'VALIDATION_ERROR').fields).toEqual({ action: '最多 40 个字' });
  });

  test.each([null, undefined, 42, 'echo', [], true])('an event that is not an object (%j)', async (event) => {
    const handle = makeRouter();
    const err = expectError(await handle(event, ctx), 'VALIDATION_ERROR');
    expect(Object.keys(err.fields ?? {})).toHaveLength(1);
  });

  test('requestId format: 8–64 of [A-Za-z0-9_-]', async () => {
    const handle = makeRouter();
    for (const ok of ['abcdefgh', 'A'.repeat(64), 'req_2026-05-13_x9', '01234567']) {
      expect(await handle({ action: 'optional', requestId: ok }, ctx)).toEqual({ ok: true, data: { got: {} } });
    }
    for (const bad of ['abcdefg', 'A'.repeat(65), 'req 2026 05 13', 'req.0123456', '请求编号12345678', '', 'abc/def/ghi']) {
      expect(expectError(await handle({ action: 'optional', requestId: bad }, ctx), 'VALIDATION_ERROR')).toEqual({
        code: 'VALIDATION_ERROR',
        message: '请求编号格式不对',
        fields: { requestId: '请求编号格式不对' },
      });
    }
    expect(expectError(await handle({ action: 'optional', requestId: 12345678 }, ctx), 'VALIDATION_ERROR').fields).toEqual({ requestId: '格式不对' });
  });
});

describe('NOT_FOUND for unknown actions', () => {
  test.each(['nope', 'ECHO', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])('%s', async (name) => {
    const handle = makeRouter();
    expect(await handle({ action: name, data: { name: '水头' } }, ctx)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '没有这个操作', fields: { action: '没有这个操作' } },
    });
    expect(runs).toEqual([]);
  });

  test('an unknown action is reported before its data is validated', async () => {
    const handle = makeRouter();
    expectError(await handle({ action: 'nope', data: 'not an object' }, ctx), 'NOT_FOUND');
  });
});

describe('errors thrown by actions', () => {
  test('AppError passes through unchanged', async () => {
    const handle = makeRouter();
    expect(await handle({ action: 'forbidden' }, ctx)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '只能查看本县的投诉' } });
    expect(await handle({ action: 'conflict' }, ctx)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '内容已被他人更新，请刷新后再试', fields: { version: '已被他人修改' } },
    });
  });

  test.each(['boom', 'boomMultiline', 'boomAsync', 'throwsString'])('%s → INTERNAL with a generic Chinese message; no input in the answer or the logs', async (name) => {
    const logger = spyLogger();
    const handle = makeRouter(logger);
    const res = await handle({ action: name, data: { secret: SECRET }, requestId: 'req-12345678' }, ctx);
    expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统出了点问题，请稍后再试' } });
    expect(logger.entries).toHaveLength(1);
    expect(logger.entries[0].level).toBe('error');
    expect(logger.entries[0].entry).toMatchObject({ fn: 'demo', action: name, code: 'INTERNAL' });
    const logged = JSON.stringify(logger.entries);
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain('13907971234');
    expect(logged).not.toContain('张三丰');
    expect(logged).not.toContain('req-12345678');
  });

  test('the INTERNAL log keeps the error class and stack frames for diagnosis', async () => {
    const logger = spyLogger();
    await makeRouter(logger)({ action: 'boomAsync', data: { secret: SECRET } }, ctx);
    const entry = logger.entries[0].entry;
    expect(entry.error).toBe('TypeError');
    expect(String(entry.stack)).toMatch(/ at /);
  });

  test('throwing null is INTERNAL too', async () => {
    const logger = spyLogger();
    expect(await makeRouter(logger)({ action: 'throwsNull' }, ctx)).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统出了点问题，请稍后再试' } });
    expect(logger.entries[0]).toMatchObject({ level: 'error', entry: { code: 'INTERNAL' } });
  });
});

describe('logging', () => {
  test('each outcome is logged once with fn, action, code and duration — never input values', async () => {
    const logger = spyLogger();
    const handle = makeRouter(logger);
    await handle({ action: 'echo', data: { name: '张三丰' }, requestId: 'req-secret-0001' }, ctx);
    await handle({ action: 'echo', data: { name: SECRET } }, ctx);
    await handle({ action: 'echo', data: { name: '张三丰', [SECRET]: 1 } }, ctx);
    await handle({ action: 'forbidden', data: {} }, ctx);
    expect(logger.entries.map((e) => [e.level, e.entry.code])).toEqual([
      ['info', 'OK'],
      ['info', 'VALIDATION_ERROR'],
      ['info', 'VALIDATION_ERROR'],
      ['info', 'FORBIDDEN'],
    ]);
    for (const { entry } of logger.entries) {
      expect(Object.keys(entry).sort()).toEqual(['action', 'code', 'fn', 'ms']);
      expect(entry.fn).toBe('demo');
      expect(typeof entry.ms).toBe('number');
    }
    const logged = JSON.stringify(logger.entries);
    expect(logged).not.toContain('张三丰');
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain('req-secret-0001');
  });
});

test('every answer code is in the docs/product.md §9 vocabulary', async () => {
  const handle = makeRouter();
  const events: unknown[] = [{ action: 'echo', data: { name: 'x' } }, { action: 'echo' }, { action: 'nope' }, { action: 'forbidden' }, { action: 'boom', data: { secret: 's' } }];
  for (const e of events) {
    const res = await handle(e, ctx);
    if (!res.ok) expect(ERROR_CODES).toContain(res.error.code);
  }
});
