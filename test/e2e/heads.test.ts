/**
 * Heads (第九条3–4) in the H5 build: the operator opens a training sign-in and shows the code → the
 * head types it on their phone and sees the training in their record and their assessment → the
 * county opens the assessment list on a PC at 1366×768 and marks a reward (after a confirmation)
 * → the head sees it. Screenshots: .cache/e2e/heads-*.png (look at them).
 */
import { browserSuite, call, fill, settled, shanghaiDay, tap, text, waitText } from './support/browser';
import { DEMO, HEAD_STATION } from '../support/demo';

const { h, browsers } = browserSuite();

test('operator runs a sign-in → head signs in → county rewards the head on the PC', async () => {
  const op = await browsers.open({ openid: DEMO.operatorStaff });
  await op.goto(`${h.baseUrl}/packages/official/heads/session/index`);
  const s = '#page-heads-session';
  await settled(op, `${s} #btn-heads-session-open`);
  await fill(op, `${s} #heads-session-title`, '农产品直播带货培训');
  await tap(op, `${s} #btn-heads-session-open`);
  await op.locator(`${s} #heads-session-code`).waitFor();
  const code = (await text(op, `${s} #heads-session-code`)).trim();
  expect(code).toMatch(/^[0-9A-Z]{6}$/);
  await op.locator(`${s} #heads-session-qr`).waitFor();
  await h.shot(op, 'heads-01-session-code-phone');

  const head = await browsers.open({ openid: DEMO.stationHead });
  await head.goto(`${h.baseUrl}/packages/official/heads/mine/index`);
  const m = '#page-heads-mine';
  await settled(head, `${m} #btn-heads-signin`);
  await fill(head, `${m} #heads-signin-code`, code.toLowerCase());
  await tap(head, `${m} #btn-heads-signin`);
  await waitText(head, `${m} #heads-signin-done`, '农产品直播带货培训');
  await waitText(head, `${m} #heads-training`, '农产品直播带货培训');
  await head.locator(`${m} #heads-result-parts-ledger`).waitFor();
  await h.shot(head, 'heads-02-signed-in-phone');

  // The province weighs complaints handling only, so the demo head (no complaints) has a result to reward.
  const w = await call<{ version: number }>(h, 'settings', 'get', { regionCode: '36' }, DEMO.province);
  const values = { 'assessment.ledger': 0, 'assessment.inspection': 0, 'assessment.complaints': 100, 'assessment.ratings': 0, 'assessment.training': 0 };
  await call(h, 'settings', 'update', { regionCode: '36', values, reason: '只看投诉办理', version: w.version }, DEMO.province);

  const pc = await browsers.pc(DEMO.county, '/packages/official/heads/index');
  const p = '#page-heads';
  await pc.locator(`${p} #heads-table`).waitFor();
  await waitText(pc, `${p} #heads-row-${HEAD_STATION}`, '100 分');
  await h.shot(pc, 'heads-03-list-pc');
  await tap(pc, `${p} #btn-heads-reward-${HEAD_STATION}`);
  await fill(pc, `${p} #heads-note-${HEAD_STATION}`, '投诉零发生，服务群众满意');
  await tap(pc, `${p} #btn-heads-confirm-${HEAD_STATION}`);
  const modal = pc.locator('.taro-modal__content');
  await modal.waitFor();
  expect(await modal.innerText()).toContain('表彰');
  await h.shot(pc, 'heads-04-confirm-reward-pc');
  await modal.locator('.taro-model__confirm').click();
  await waitText(pc, `${p} #heads-row-${HEAD_STATION}`, '表彰奖励：投诉零发生');
  await pc.locator(`${p} #btn-heads-reward-${HEAD_STATION}`).waitFor({ state: 'detached' });
  await h.shot(pc, 'heads-05-rewarded-pc');

  await head.reload();
  await waitText(head, `${m} #heads-result`, '表彰奖励：投诉零发生');
  expect(shanghaiDay()).toMatch(/^\d{4}-/);
});
