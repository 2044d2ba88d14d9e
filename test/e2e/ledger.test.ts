/**
 * 台账 (第十条5) in the H5 build: the station head records a month on a phone → the operator
 * returns one entry with a reason on a PC (after a confirmation) → the head sees why, corrects it and
 * it goes back for review. Screenshots: .cache/e2e/ledger-*.png (look at them).
 */
import { browserSuite, fill, settled, tap, text, waitText } from './support/browser';
import { DEMO } from '../support/demo';

const { h, browsers } = browserSuite();

test('head records a month → operator returns one → head corrects it', async () => {
  const head = await browsers.open({ openid: DEMO.stationHead });
  await head.goto(`${h.baseUrl}/packages/official/ledger/index`);
  const p = '#page-ledger';
  await settled(head, `${p} #btn-ledger-save`);
  await h.shot(head, 'ledger-01-empty-phone');

  // Two sales and the month's parcels.
  for (const [product, quantity, amount, households] of [
    ['于都脐橙', '120', '3600.5', '8'],
    ['富硒大米', '40', '960', '3'],
  ]) {
    await fill(head, `${p} #ledger-product`, product);
    await fill(head, `${p} #ledger-quantity`, quantity);
    await fill(head, `${p} #ledger-amount`, amount);
    await fill(head, `${p} #ledger-households`, households);
    await tap(head, `${p} #btn-ledger-save`);
    await waitText(head, `${p} #ledger-list`, product);
  }
  await tap(head, `${p} #ledger-kind-parcel_out`);
  await fill(head, `${p} #ledger-quantity`, '85');
  await tap(head, `${p} #btn-ledger-save`);
  await waitText(head, `${p} #ledger-list`, '快递寄件');
  expect(await text(head, `${p} #ledger-totals-sale`)).toBe('4,560.50');
  expect(await text(head, `${p} #ledger-totals-households`)).toBe('11');
  await h.shot(head, 'ledger-02-month-phone');

  const pc = await browsers.pc(DEMO.operatorStaff, '/packages/official/ledger/review/index');
  const r = '#page-ledger-review';
  await waitText(pc, `${r} #ledger-review-list`, '富硒大米');
  await h.shot(pc, 'ledger-03-review-pc');
  const card = pc.locator(`${r} .sp-item`, { hasText: '富硒大米' }).first();
  const id = ((await card.getAttribute('id')) ?? '').replace('review-', '');
  await pc.click(`${r} #btn-start-return-${id}`);
  await fill(pc, `${r} #return-reason-${id}`, '960 元是 40 斤的价吗？请按实际金额填写');
  await pc.click(`${r} #btn-return-${id}`);
  const modal = pc.locator('.taro-modal__content');
  await modal.waitFor();
  expect(await modal.innerText()).toContain('对方会看到退回原因');
  await h.shot(pc, 'ledger-04-confirm-return-pc');
  await modal.locator('.taro-model__confirm').click();
  await pc.locator(`${r} #review-${id}`).waitFor({ state: 'detached', timeout: 20_000 });

  await head.reload();
  await head.locator(`${p} #ledger-returned`).waitFor({ timeout: 20_000 });
  expect(await text(head, `${p} #entry-${id}`)).toContain('请按实际金额填写');
  await h.shot(head, 'ledger-05-returned-phone');
  await tap(head, `${p} #btn-fix-${id}`);
  await fill(head, `${p} #ledger-amount`, '1040');
  await tap(head, `${p} #btn-ledger-save`);
  await head.locator(`${p} #ledger-returned`).waitFor({ state: 'detached', timeout: 20_000 });
  const fixed = await text(head, `${p} #entry-${id}`);
  expect(fixed).toContain('待审核');
  expect(fixed).toContain('1,040.00 元');
  expect(fixed).toContain('上次退回原因');
  await h.shot(head, 'ledger-06-corrected-phone');

  // Back in the operator's list, with the earlier reason for a second look.
  await pc.reload();
  await waitText(pc, `${r} #review-${id}`, '上次退回原因');
});
