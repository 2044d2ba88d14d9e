/** The data client's transport: envelopes, errors, headers, request ids, both targets. */
import Taro from '@tarojs/taro';
import { ApiError, stations } from '@/services/api';
import { setDemoOpenid } from '@/services/identity';
import { NETWORK_MESSAGE, callFunction, newRequestId } from '@/services/transport';
import { resetTaro } from './taro-mock';

const request = Taro.request as unknown as jest.Mock;
const callCloud = Taro.cloud.callFunction as unknown as jest.Mock;

beforeEach(() => resetTaro());

describe('H5 (local server)', () => {
  test('POST /api/stations with {action, data}; undefined fields dropped; envelope data returned', async () => {
    request.mockResolvedValue({ statusCode: 200, data: { ok: true, data: { items: [], nextCursor: null } } });
    const page = await stations.search({ q: 'ydx', level: undefined, limit: 20 });
    expect(page).toEqual({ items: [], nextCursor: null });
    const arg = request.mock.calls[0][0];
    expect(arg).toMatchObject({ url: '/api/stations', method: 'POST', data: { action: 'search', data: { q: 'ydx', limit: 20 } } });
    expect('level' in arg.data.data).toBe(false);
    expect('requestId' in arg.data).toBe(false);
    expect(arg.header['X-WX-OPENID']).toBeUndefined();
  });

  test('sends the demo identity as X-WX-OPENID', async () => {
    setDemoOpenid('demo-county-yudu');
    request.mockResolvedValue({ statusCode: 200, data: { ok: true, data: [] } });
    await callFunction('stations', 'regions', {});
    expect(request.mock.calls[0][0].header['X-WX-OPENID']).toBe('demo-county-yudu');
  });

  test('non-2xx envelope → ApiError with the server’s Chinese message and fields', async () => {
    request.mockResolvedValue({
      statusCode: 400,
      data: { ok: false, error: { code: 'VALIDATION_ERROR', message: '站点编号不对', fields: { 'data.id': '站点编号不对' } } },
    });
    const err = await stations.get({ id: 'X' }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'VALIDATION_ERROR', message: '站点编号不对', fields: { 'data.id': '站点编号不对' } });
  });

  test('non-2xx without an envelope → code from the status', async () => {
    request.mockResolvedValue({ statusCode: 502, data: null });
    await expect(callFunction('stations', 'get', { id: 'abc' })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    request.mockResolvedValue({ statusCode: 404, data: '<html>' });
    await expect(callFunction('stations', 'get', { id: 'abc' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: '没有找到相关内容' });
  });

  test('network failure → friendly UNAVAILABLE', async () => {
    request.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(stations.nearby({ lat: 25.9, lng: 115.4 })).rejects.toMatchObject({ code: 'UNAVAILABLE', message: NETWORK_MESSAGE });
  });

  test('writes carry a request id; a given id is reused', async () => {
    request.mockResolvedValue({ statusCode: 200, data: { ok: true, data: 1 } });
    await callFunction('complaints', 'submit', { a: 1 }, { write: true });
    await callFunction('complaints', 'submit', { a: 1 }, { requestId: 'again12345' });
    expect(request.mock.calls[0][0].data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(request.mock.calls[1][0].data.requestId).toBe('again12345');
    expect(new Set(Array.from({ length: 50 }, newRequestId)).size).toBe(50);
  });
});

describe('weapp (cloud functions)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });
  afterEach(() => {
    process.env.TARO_ENV = 'h5';
  });

  test('callFunction({name, data:{action, data}}) → res.result envelope; cloud initialised once', async () => {
    callCloud.mockResolvedValue({ result: { ok: true, data: [{ code: '3607', name: '赣州市', level: 'city', hasChildren: true }] }, errMsg: 'ok' });
    const list = await callFunction('stations', 'regions', { parentCode: undefined });
    expect(list).toHaveLength(1);
    expect(callCloud).toHaveBeenCalledWith({ name: 'stations', data: { action: 'regions', data: {} } });
    await callFunction('stations', 'regions', {});
    expect(Taro.cloud.init).toHaveBeenCalledTimes(1);
    expect(request).not.toHaveBeenCalled();
  });

  test('error envelope and cloud failures', async () => {
    callCloud.mockResolvedValueOnce({ result: { ok: false, error: { code: 'NOT_FOUND', message: '没有找到这个站点，可能已被撤销' } } });
    await expect(callFunction('stations', 'get', { id: 'abc' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: '没有找到这个站点，可能已被撤销' });
    callCloud.mockRejectedValueOnce({ errMsg: 'cloud.callFunction:fail request:fail timeout' });
    await expect(callFunction('stations', 'get', { id: 'abc' })).rejects.toMatchObject({ code: 'UNAVAILABLE', message: NETWORK_MESSAGE });
  });
});
