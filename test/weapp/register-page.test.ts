/**
 * 站点登记 as built for WeChat (dist/weapp, miniprogram-simulate, the real handlers behind
 * wx.cloud.callFunction): the page renders for a county official; 下载模板 and 导出 call the
 * register function and open the Excel file (wx.downloadFile → wx.openDocument); choosing a file
 * asks WeChat for a .xlsx or .csv from a chat.
 */
import { weappSuite } from './support/suite';
import { DEMO } from '../support/demo';

const { env, page, render, callsOf } = weappSuite({ openid: DEMO.county });

const registerCalls = () => callsOf('register');

test('下载模板 and 导出 open Excel files; the chosen level goes with the export', async () => {
  await render('packages/official/register/index');
  await page.waitFor('btn-register-export');
  expect(page.text('page-register')).toContain('导入站点表格');
  // Only Excel in WeChat (openDocument cannot open CSV).
  expect(page.has('export-format-csv')).toBe(false);

  await page.tap('btn-register-template');
  const opened = await env.waitForCall('openDocument');
  expect(opened[0]).toMatchObject({ fileType: 'xlsx', showMenu: true });
  expect(registerCalls().map((c) => c.data.action)).toEqual(['template']);

  await page.tap('export-level-village');
  await page.tap('btn-register-export');
  await env.waitForCall('openDocument', 2);
  const exported = registerCalls().find((c) => c.data.action === 'export');
  expect(exported?.data.data).toEqual({ format: 'xlsx', level: 'village' });
});

test('选择表格文件 asks WeChat for a spreadsheet from a chat; cancelling changes nothing', async () => {
  await render('packages/official/register/index');
  await page.waitFor('btn-register-choose');
  await page.tap('btn-register-choose');
  const asked = await env.waitForCall('chooseMessageFile');
  expect(asked[0]).toMatchObject({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
  expect(page.has('register-report')).toBe(false);
  expect(page.has('register-error')).toBe(false);
});
