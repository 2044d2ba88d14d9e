/**
 * Assessment weights in the H5 build (第九条4, 第十二条1): the province official opens 参数设置 on a
 * PC (1366×768), weighs complaints handling only (the total checked live, a confirmation), and the
 * county's assessment list on a phone (375×740) shows the new weights in force and the demo head's
 * result changed; the county's own 参数设置 shows the province's weights as inherited.
 * Screenshots: .cache/e2e/weights-*.png (look at them).
 */
import { browserSuite, call, fill, scrollTo, settled, tap, text, waitText } from './support/browser';
import { DEMO, HEAD_STATION } from '../support/demo';

const { h, browsers } = browserSuite();

test('a province official changes the weights; a county’s assessment result changes', async () => {
  const before = await call<{ heads: { stationId: string; total: number | null }[]; weightsSource: string }>(h, 'heads', 'list', {}, DEMO.county);
  const was = before.heads.find((r) => r.stationId === HEAD_STATION)?.total;
  expect(before.weightsSource).toBe('默认');
  expect(typeof was).toBe('number');
  expect(was).not.toBe(100);

  const pc = await browsers.pc(DEMO.province, '/packages/official/settings/index');
  const p = '#page-settings';
  await settled(pc, `${p} #settings-weights`);
  expect(await text(pc, `${p} #weights-status`)).toContain('全省未单独设定，现沿用默认权重');
  expect(await text(pc, `${p} #weight-ledger`)).toMatch(/台账\s*25%\s*默认/);
  await fill(pc, `${p} #weight-ledger-input`, '0');
  await waitText(pc, `${p} #weights-total`, '合计 75%');
  for (const [part, value] of [['inspection', '0'], ['ratings', '0'], ['training', '0'], ['complaints', '100']] as const) await fill(pc, `${p} #weight-${part}-input`, value);
  await waitText(pc, `${p} #weights-total`, '合计 100%');
  await fill(pc, `${p} #weights-reason`, '本期只考核投诉办理');
  await scrollTo(pc, `${p} #settings-weights`);
  await h.shot(pc, 'weights-01-province-editing-pc');
  await tap(pc, `${p} #btn-weights-save`);
  const modal = pc.locator('.taro-modal__content');
  await modal.waitFor();
  await pc.waitForTimeout(400); // the modal fades in
  expect(await modal.innerText()).toContain('全省的考核权重改为：台账 0%、走访检查 0%、投诉办理 100%');
  await h.shot(pc, 'weights-02-confirm-pc');
  await modal.locator('.taro-model__confirm').click();
  await modal.waitFor({ state: 'hidden' });
  await waitText(pc, `${p} #weight-complaints`, '省定');
  expect(await text(pc, `${p} #weight-complaints`)).toMatch(/100%\s*省定/);
  await waitText(pc, `${p} #settings-trail`, '负责人考核权重·投诉办理：沿用上级 → 100%');
  expect(await text(pc, `${p} #weights-status`)).toContain('全省自定的权重；默认为 台账 25%');
  await pc.waitForTimeout(2200); // the 已保存 toast goes
  await h.shot(pc, 'weights-03-province-saved-pc');

  const phone = await browsers.open({ openid: DEMO.county });
  await phone.setViewportSize({ width: 375, height: 740 });
  await phone.goto(`${h.baseUrl}/packages/official/heads/index`);
  const l = '#page-heads';
  await waitText(phone, `${l} #heads-weights`, '现行权重（省定）：台账 0、走访检查 0、投诉办理 100、群众评价 0、培训 0');
  await waitText(phone, `${l} #heads-total-${HEAD_STATION}`, '100 分');
  await h.shot(phone, 'weights-04-county-list-phone');

  await phone.goto(`${h.baseUrl}/packages/official/settings/index`);
  await settled(phone, `${p} #settings-weights`);
  expect(await text(phone, `${p} #weights-status`)).toContain('于都县未单独设定，现沿用省定权重');
  expect(await text(phone, `${p} #weight-complaints`)).toMatch(/投诉办理[\s\S]*于都县设为（沿用 100%）/);
  await scrollTo(phone, `${p} #settings-weights`);
  await h.shot(phone, 'weights-05-county-inherited-phone');
});
