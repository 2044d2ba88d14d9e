/**
 * 站点登记 in the H5 build, as a county official on a PC and on a phone: choose a spreadsheet with
 * one good and one bad row → the preview names the bad cell (第 3 行 纬度) → confirm → the new
 * station is found nearby by a villager. Screenshots: .cache/e2e/register-*.png (look at them).
 */
import ExcelJS from 'exceljs';
import { COLUMNS, type ColumnKey } from '../../core/station/register-sheet';
import { browserSuite, call, settled, tap, text } from './support/browser';
import { DEMO } from '../support/demo';

const { h, browsers } = browserSuite();

async function sheetWithABadRow(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('站点登记表');
  ws.addRow(COLUMNS.map((c) => c.title));
  const row = (code: string, lat: number): Partial<Record<ColumnKey, string | number>> => ({
    code,
    name: '江西电商扶贫工程浏览器村服务点',
    level: '村级服务点',
    regionCode: '360731100202',
    address: '于都县贡江镇上窑村村部',
    lat,
    lng: 115.4207,
    operatorName: '于都县红都农品电子商务有限公司（演示）',
    operatorHotline: '400-000-0731',
    areaSqm: 25,
    servicePopulation: 700,
    weeklyHours: '每天 08:00-20:00',
    services: '快递收发、便民缴费',
    channels: '站点电话：13800007777；12345政务服务便民热线：12345',
    contactPhone: '13800007777',
    certificateNo: '于商电扶认〔2026〕101号',
    certifiedOn: '2026-10-08',
    authority: '于都县商务局',
    status: '已认定',
  });
  for (const r of [row('JX-E2E-0001', 25.9712), row('JX-E2E-0002', 41.2)]) ws.addRow(COLUMNS.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('choose a file → per-row preview → confirm → the station is found nearby', async () => {
  const page = await browsers.pc(DEMO.county, '/packages/official/register/index');
  const p = '#page-register';
  await settled(page, `${p} #btn-register-choose`);
  await h.shot(page, 'register-01-empty-pc');

  const chooser = page.waitForEvent('filechooser');
  await page.locator(`${p} #btn-register-choose`).click();
  await (await chooser).setFiles({ name: '于都县新增站点.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await sheetWithABadRow() });

  await page.locator(`${p} #register-summary`).waitFor({ timeout: 30_000 });
  // 上窑村 already has a demo point: imported with the 第五条3 warning shown.
  expect(await text(page, `${p} #register-summary`)).toBe('可新增 1 · 将更新 0 · 无变化 0 · 有错误不导入 1 · 带提示 1');
  expect(await text(page, `${p} #register-row-2`)).toContain('第五条3');
  expect(await text(page, `${p} #register-row-3`)).toContain('纬度：不在江西省范围内');
  await settled(page, `${p} #btn-register-import`);
  await h.shot(page, 'register-02-preview-pc');
  // Nothing is written by a preview.
  const before = await call<{ items: { code: string }[] }>(h, 'stations', 'nearby', { lat: 25.9712, lng: 115.4207, radiusM: 200 });
  expect(before.items.map((s) => s.code)).not.toContain('JX-E2E-0001');

  await page.locator(`${p} #btn-register-import`).click();
  // The confirmation names what will happen; confirm it.
  const modal = page.locator('.taro-modal__content');
  await modal.waitFor();
  expect(await modal.innerText()).toContain('将新增 1 个、更新 0 个站点；有错误的 1 行不导入');
  await h.shot(page, 'register-03-confirm-pc');
  await modal.locator('.taro-model__confirm').click();
  await page.locator(`${p} #register-done`).waitFor({ timeout: 30_000 });
  expect(await text(page, `${p} #register-summary`)).toContain('已新增 1');
  await h.shot(page, 'register-04-done-pc');

  const after = await call<{ items: { code: string; name: string }[] }>(h, 'stations', 'nearby', { lat: 25.9712, lng: 115.4207, radiusM: 200 });
  expect(after.items[0]).toMatchObject({ code: 'JX-E2E-0001', name: '江西电商扶贫工程浏览器村服务点' });

  // The villager finds it on the phone.
  const phone = await browsers.open({ geolocation: { latitude: 25.9712, longitude: 115.4207 } });
  await phone.goto(`${h.baseUrl}/pages/station/index?id=st-jx-e2e-0001`);
  await phone.locator('#page-station').getByText('江西电商扶贫工程浏览器村服务点').first().waitFor();
  await h.shot(phone, 'register-05-new-station-phone');
});

test('the register page on a phone, and export', async () => {
  const page = await browsers.open({ openid: DEMO.county });
  await page.goto(`${h.baseUrl}/packages/official/register/index`);
  const p = '#page-register';
  await settled(page, `${p} #btn-register-export`);
  await tap(page, `${p} #export-level-township`);
  const download = page.waitForEvent('download');
  await tap(page, `${p} #btn-register-export`);
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^站点登记表-360731-\d{8}\.xlsx$/);
  await h.shot(page, 'register-06-export-phone');
});
