/**
 * Recruitment set-up for server tests: a station's post taken by the county official through
 * open → one application → close → score → select, so the post (at version 4) is ready for its 公示.
 */
import { checkCharacter } from '../../core/recruitment/idcard';
import { DEMO, rid, type TestApp } from './local-app';
import { rubric } from './rubric';

export interface SelectedPostInput {
  stationId: string;
  title: string;
  opensOn: string;
  closesOn: string;
  /** The applicant's openid. */
  applicant: string;
  /** The first 17 characters of the applicant's ID number: the check character and the birth year follow from them. */
  idFirst17: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers as the handlers give them
export async function selectedPost(t: TestApp, o: SelectedPostInput): Promise<{ post: any; opened: any; application: any }> {
  const post = await t.okDirect('recruitment', 'createPost', {
    title: o.title,
    stationId: o.stationId,
    requirements: ['熟悉本村情况'],
    rubric: rubric({ 电商技能: 60, 群众基础: 40 }),
    opensOn: o.opensOn,
    closesOn: o.closesOn,
  }, DEMO.county);
  const opened = await t.okDirect('recruitment', 'openPost', { id: post.id, version: 1 }, DEMO.county);
  const application = await t.okDirect('recruitment', 'apply', {
    postId: post.id, name: '钟明华', gender: 'male', birthYear: Number(o.idFirst17.slice(6, 10)), idNumber: o.idFirst17 + checkCharacter(o.idFirst17), idConsent: true, phone: '13970000001',
    villageCode: '360731100001', background: 'returnee', education: 'college', skills: '会开网店', productExperience: '卖过脐橙', statement: '愿意为村里服务',
  }, o.applicant, rid('apply'));
  await t.okDirect('recruitment', 'closePost', { id: post.id, version: 2 }, DEMO.county);
  await t.okDirect('recruitment', 'score', { applicationId: application.id, byCriterion: { 电商技能: 80, 群众基础: 90 } }, DEMO.county);
  await t.okDirect('recruitment', 'select', { postId: post.id, version: 3, applicationId: application.id }, DEMO.county);
  return { post, opened, application };
}
