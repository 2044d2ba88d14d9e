/**
 * The built weapp (dist/weapp) under miniprogram-simulate: the directory home page and the station
 * page render the demo data through the real client path (Taro transport → wx.cloud.callFunction →
 * the real `stations` handler over in-memory SQLite), and taps reach wx.makePhoneCall /
 * wx.openLocation / wx.navigateTo with the right arguments.
 */
import type { StationDetail, StationPage, StationSummary } from '../../core/station/api';
import type { PageHandle } from './support/simulate';
import { weappSuite } from './support/suite';

/** Near 于都县城 (GCJ-02, what wx.getLocation({ type: 'gcj02' }) answers). */
const YUDU = { latitude: 25.952, longitude: 115.415 };
const COUNTY_CENTRE = 'st-360731-000';
const HOURS_LABELS = ['营业中', '已打烊', '今日休息', '未开门'];

// Only the `stations` handler (setupWeapp's own) behind wx.cloud.
const { env, page, render } = weappSuite({ local: false });

/** Ask the same handler the page talks to (what the page should show). */
async function stationsCall<T>(action: string, data: object): Promise<T> {
  const res = (await env.functions.stations({ action, data }, { openid: null })) as { ok: boolean; data?: T; error?: unknown };
  if (!res.ok) throw new Error(`stations.${action} failed: ${JSON.stringify(res.error)}`);
  return res.data as T;
}

function stationRow(status: string, level?: string): string {
  const row = env.db
    .prepare(`SELECT id FROM stations WHERE status = ? ${level ? 'AND level = ?' : ''} ORDER BY code LIMIT 1`)
    .get(...(level ? [status, level] : [status])) as { id: string } | undefined;
  if (!row) throw new Error(`no demo station with status ${status}`);
  return row.id;
}

/** Station cards in list order (ids `station-<id>`; the list itself is `station-list`). */
function cards(p: PageHandle) {
  return p.findAll('station-st-').map((node) => ({ node, id: String(node.id).slice('station-'.length) }));
}

function metres(text: string): number {
  const m = /([\d.]+)\s*(米|公里)/.exec(text);
  if (!m) throw new Error(`no distance in «${text}»`);
  return Number(m[1]) * (m[2] === '公里' ? 1000 : 1);
}

beforeEach(() => {
  env.storage.clear();
  env.clearCalls();
  env.location = 'denied';
});

describe('pages/index/index (directory home)', () => {
  test('starts with the two ways in and asks for no location before a tap', async () => {
    await render('pages/index/index');
    await page.waitFor('welcome');
    expect(page.text('btn-locate')).toBe('查找附近站点');
    expect(page.text('btn-region')).toBe('按地区查找');
    expect(page.has('search-input')).toBe(true);
    expect(page.has('elder-toggle')).toBe(true);
    expect(page.has('station-list')).toBe(false);
    expect(env.callsTo('getLocation')).toHaveLength(0);
    expect(env.callsTo('cloud.callFunction')).toHaveLength(0);
  });

  test('查找附近站点 with location → nearest demo stations, by distance, with open-state and trust badges', async () => {
    env.location = YUDU;
    await render('pages/index/index');
    await page.tap(await page.waitFor('btn-locate'));
    await page.waitFor('station-list');

    expect(env.callsTo('getLocation')).toEqual([expect.objectContaining({ type: 'gcj02' })]);
    const calls = env.callsTo('cloud.callFunction');
    expect(calls).toHaveLength(1);
    expect(calls[0].name).toBe('stations');
    expect(calls[0].data).toMatchObject({ action: 'nearby', data: { lat: YUDU.latitude, lng: YUDU.longitude } });
    expect(page.text('list-context')).toContain('按距离排序');

    const expected = await stationsCall<StationPage>('nearby', calls[0].data.data);
    const shown = cards(page);
    expect(shown.length).toBeGreaterThanOrEqual(10);
    expect(shown.map((c) => c.id)).toEqual(expected.items.map((s) => s.id));

    let last = 0;
    shown.forEach(({ node }, i) => {
      const s: StationSummary = expected.items[i];
      const [name] = page.findAllByClass('station-card__name', node);
      expect(page.text(name)).toBe(s.name);
      const [distance] = page.findAllByClass('station-card__distance', node);
      const m = metres(page.text(distance));
      expect(m).toBeGreaterThanOrEqual(last);
      last = m;
      const [hours] = page.findAllByClass('badge-hours', node);
      expect(HOURS_LABELS).toContain(page.text(hours));
      // Every card says whether the station is genuine (第十一条7).
      const trust = ['badge-certified', 'badge-notice', 'badge-uncertified', 'badge-closed', 'badge-rectification'].flatMap((c) => page.findAllByClass(c, node));
      expect(trust.length).toBeGreaterThan(0);
      expect(page.text(node)).toContain(s.place);
    });
    // The nearest is 于都's county centre or a 贡江镇 station, within a couple of kilometres.
    expect(metres(page.text(page.findAllByClass('station-card__distance')[0]))).toBeLessThan(3000);
    expect(page.text(shown[0].node)).toMatch(/于都县|贡江/);
    expect(page.findAllByClass('badge-certified').length).toBeGreaterThan(0);
  });

  test('location refused → 没有定位权限 + region picker → 赣州市 › 于都县 → the county list (choice kept)', async () => {
    env.location = 'denied';
    await render('pages/index/index');
    await page.tap(await page.waitFor('btn-locate'));
    await page.waitFor('locate-failed');
    expect(page.text('locate-failed')).toContain('没有定位权限');
    expect(page.has('btn-open-setting')).toBe(true); // weapp: the way back to the permission

    await page.waitFor('region-list');
    expect(page.text('region-list')).toContain('赣州市');
    await page.tap('region-3607');
    await page.tap(await page.waitFor('region-360731'));
    await page.tap(await page.waitFor('region-pick-all'));
    await page.waitFor('station-list');

    expect(page.text('list-context')).toBe('地区：于都县');
    expect(env.storage.get('zdt.region')).toEqual({ code: '360731', label: '于都县' });
    const search = env.callsTo('cloud.callFunction').map((c) => c.data).filter((d) => d.action === 'search');
    expect(search[search.length - 1]).toMatchObject({ data: { regionCode: '360731' } });
    const shown = cards(page);
    expect(shown.length).toBeGreaterThanOrEqual(10);
    for (const { node } of shown) expect(page.text(node)).toContain('于都县');
    expect(page.findAllByClass('badge-hours').length).toBe(shown.length);
    expect(page.has(`station-${COUNTY_CENTRE}`)).toBe(true);
  });

  test('去开启定位 opens the settings page', async () => {
    await render('pages/index/index');
    await page.tap(await page.waitFor('btn-locate'));
    await page.tap(await page.waitFor('btn-open-setting'));
    await env.waitForCall('openSetting');
  });

  test('search by pinyin initials "gjz" finds 贡江镇 stations; tapping a card opens its page', async () => {
    await render('pages/index/index');
    await page.waitFor('search-input');
    await page.type('search-input', 'gjz');
    await page.tap('search-submit');
    await page.waitFor('station-list');
    expect(page.text('list-context')).toBe('搜索“gjz”');
    const shown = cards(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(page.text(shown[0].node)).toContain('贡江');

    await page.tap(shown[0].node);
    const [nav] = await env.waitForCall('navigateTo');
    expect(nav.url).toBe(`/pages/station/index?id=${encodeURIComponent(shown[0].id)}`);
  });

  test('the keyboard confirm key searches too (贡江)', async () => {
    await render('pages/index/index');
    await page.waitFor('search-input');
    await page.confirm('search-input', '贡江');
    await page.waitFor('station-list');
    expect(page.text('list-context')).toBe('搜索“贡江”');
    // 贡江镇 stations (the county centre, whose address is in 贡江镇, may come first).
    const names = cards(page).map((c) => page.text(page.findAllByClass('station-card__name', c.node)[0]));
    expect(names.filter((n) => n.includes('贡江')).length).toBeGreaterThan(0);
  });

  test('a region chosen earlier is listed straight away', async () => {
    env.storage.set('zdt.region', { code: '360731', label: '于都县' });
    await render('pages/index/index');
    await page.waitFor('station-list');
    expect(page.text('list-context')).toBe('地区：于都县');
    expect(env.callsTo('getLocation')).toHaveLength(0);
  });
});

describe('pages/station/index (station page)', () => {
  test('shows the full public disclosure of a certified station (第十条3)', async () => {
    const s = await stationsCall<StationDetail>('get', { id: COUNTY_CENTRE });
    await render(`pages/station/index?id=${COUNTY_CENTRE}`);
    await page.waitFor('station-name');

    // One stations call for the page (the 评价 / 投诉 sections ask the ratings and complaints functions).
    expect(env.callsTo('cloud.callFunction').filter((c) => c.name === 'stations')).toEqual([expect.objectContaining({ name: 'stations', data: { action: 'get', data: { id: COUNTY_CENTRE } } })]);
    expect(page.text('station-name')).toBe(s.name);
    expect(page.text('station-name')).toBe('于都县电商扶贫服务运营中心');
    expect(page.has('demo-note')).toBe(true);

    // Hours: today's state, the weekly table.
    expect(HOURS_LABELS).toContain(page.text('hours-state'));
    expect(page.text('hours-detail')).not.toBe('');
    for (const row of s.week) expect(page.text('hours-week')).toContain(row.days);
    expect(page.text('hours-week')).toMatch(/\d\d:\d\d-\d\d:\d\d/);

    // Fees, commitments, complaint channels, contact.
    expect(s.fees.length).toBeGreaterThan(0);
    for (const f of s.fees) expect(page.text('section-fees')).toContain(f.item);
    expect(page.text('section-fees')).toMatch(/免费|元/);
    expect(s.commitments.length).toBeGreaterThan(0);
    for (const c of s.commitments) expect(page.text('section-commitments')).toContain(c);
    expect(s.complaintChannels.length).toBeGreaterThan(0);
    for (const c of s.complaintChannels) {
      expect(page.text('section-channels')).toContain(c.label);
      expect(page.text('section-channels')).toContain(c.value);
    }
    expect(page.text('section-channels')).toContain('12345');
    expect(page.text('station-phone')).toBe(s.phone);
    expect(page.text('operator-hotline')).toContain(s.operator.hotline);

    // Certificate: a villager can tell a genuine station (第十一条7).
    expect(s.certification).not.toBeNull();
    expect(page.has('cert-ok')).toBe(true);
    expect(page.text('cert-no')).toBe(s.certification!.certificateNo);
    expect(page.text('section-certification')).toContain(s.certification!.authority);
    expect(page.has('cert-warning')).toBe(false);

    for (const id of ['section-services', 'section-processes', 'section-facts', 'freshness', 'station-address']) expect(page.has(id)).toBe(true);
    expect(page.text('station-address')).toBe(s.address);
  });

  test('打电话 dials the station phone', async () => {
    const s = await stationsCall<StationDetail>('get', { id: COUNTY_CENTRE });
    await render(`pages/station/index?id=${COUNTY_CENTRE}`);
    await page.tap(await page.waitFor('btn-call'));
    const [call] = await env.waitForCall('makePhoneCall');
    expect(call.phoneNumber).toBe(s.phone.replace(/\D/g, ''));
    expect(call.phoneNumber).toMatch(/^0797\d{7}$/);
  });

  test('导航 opens WeChat map at the GCJ-02 point', async () => {
    const s = await stationsCall<StationDetail>('get', { id: COUNTY_CENTRE });
    expect(s.locationDatum).toBe('GCJ-02');
    await render(`pages/station/index?id=${COUNTY_CENTRE}`);
    await page.tap(await page.waitFor('btn-navigate'));
    const [nav] = await env.waitForCall('openLocation');
    expect(nav).toMatchObject({ latitude: s.location.lat, longitude: s.location.lng, name: s.name, address: s.address });
    expect(page.has('place-fallback')).toBe(false);
  });

  test('complaint channels dial with one tap', async () => {
    await render(`pages/station/index?id=${COUNTY_CENTRE}`);
    await page.waitFor('section-channels');
    const buttons = page.findAll('btn-channel-');
    expect(buttons.length).toBeGreaterThan(0);
    await page.tap(buttons[buttons.length - 1]);
    const calls = await env.waitForCall('makePhoneCall');
    expect(calls[0].phoneNumber).toMatch(/^\d{5,12}$/);
  });

  test.each([
    ['a station in 公示 is marked as not yet certified', 'notice', 'cert-warning', '尚未认定', ['cert-ok']],
    ['a closed station shows the closure and no call/navigate bar', 'closed', 'closed-notice', '已关停', ['btn-call', 'btn-navigate']],
  ])('%s', async (_name, status, banner, says, absent) => {
    await render(`pages/station/index?id=${stationRow(status)}`);
    await page.waitFor(banner);
    expect(page.text(banner)).toContain(says);
    for (const id of absent) expect(page.has(id)).toBe(false);
  });

  test('an unknown id says so and offers the way home (no pointless 重试)', async () => {
    await render('pages/station/index?id=st-000000-000');
    await page.waitFor('station-error');
    expect(page.text('station-error')).toMatch(/\S/);
    expect(page.has('btn-retry')).toBe(false);
    expect(page.has('station-detail')).toBe(false);
    await page.tap('btn-home');
    const [relaunch] = await env.waitForCall('reLaunch');
    expect(relaunch.url).toBe('/pages/index/index');
  });

  test('a network failure shows 重试, and 重试 loads the station', async () => {
    const real = env.functions.stations;
    let failures = 1;
    env.functions.stations = async (event, caller) => {
      if (failures-- > 0) throw { errMsg: 'cloud.callFunction:fail request:fail timeout' };
      return real(event, caller);
    };
    try {
      await render(`pages/station/index?id=${COUNTY_CENTRE}`);
      await page.waitFor('station-error');
      expect(page.text('station-error')).toContain('网络不太好');
      await page.tap('btn-retry');
      await page.waitFor('station-name');
      expect(page.has('station-error')).toBe(false);
      expect(env.callsTo('cloud.callFunction').filter((c) => c.name === 'stations')).toHaveLength(2);
    } finally {
      env.functions.stations = real;
    }
  });

  test('长辈模式 switch turns the page to elder mode and is remembered', async () => {
    await render(`pages/station/index?id=${COUNTY_CENTRE}`);
    await page.waitFor('station-name');
    expect(page.classes('page-station')).not.toContain('page--elder');
    expect(page.text('elder-toggle')).toContain('关');
    await page.tap('elder-toggle');
    await page.waitUntil(() => page.classes('page-station').includes('page--elder'), 'page--elder class');
    expect(page.text('elder-toggle')).toContain('开');
    expect(env.storage.get('zdt.elderMode')).toBe('on');
    await page.tap('elder-toggle');
    await page.waitUntil(() => !page.classes('page-station').includes('page--elder'), 'page--elder removed');
    expect(env.storage.get('zdt.elderMode')).toBe('off');
  });
});
