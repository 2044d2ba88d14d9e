/** `recruitment`: posts, applications, scoring, selection, reserve pool, training records. */
import * as api from '../../core/recruitment/api';
import { createRecruitmentService } from '../../core/recruitment/service';
import type { ApiOf } from '../../core/shared/router';
import { serviceHandler } from '../_shared/router';
import { anyone, variants, withRequestId } from '../_shared/actions';

export const createRecruitmentHandler = serviceHandler('recruitment', createRecruitmentService, (s) => ({
  posts: anyone(api.postsInput, s.posts),
  post: anyone(api.postInput, s.post),
  apply: withRequestId(api.applyInput, s.apply),
  mine: api.mineInput,
  withdraw: api.withdrawInput,
  managedPosts: api.managedPostsInput,
  createPost: api.createPostInput,
  ...variants(api.postActionInput, s.transitionPost, { openPost: 'open', closePost: 'close', cancelPost: 'cancel' }),
  applications: api.applicationsInput,
  reveal: api.revealInput,
  score: api.scoreInput,
  select: api.selectInput,
  reserve: api.reserveInput,
  recordTraining: api.recordTrainingInput,
  training: api.trainingInput,
}));

/** What each action takes and answers; the app's `recruitment` client is typed by it. */
export type RecruitmentApi = ApiOf<ReturnType<typeof createRecruitmentHandler>>;
