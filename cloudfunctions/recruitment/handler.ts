/** `recruitment`: posts, applications, scoring, selection, reserve pool, training records. */
import * as api from '../../core/recruitment/api';
import { createRecruitmentService, type RecruitmentDeps } from '../../core/recruitment/service';
import { action, createRouter, type ApiOf, type Logger } from '../../core/shared/router';
import { rateLimited, type RateLimitDeps } from '../../core/shared/rate-limit';

export function createRecruitmentHandler(deps: RecruitmentDeps & RateLimitDeps, logger?: Logger) {
  const s = createRecruitmentService(deps);
  return createRouter(
    'recruitment',
    rateLimited('recruitment', {
      posts: action({ input: api.postsInput, run: (i) => s.posts(i) }),
      post: action({ input: api.postInput, run: (i) => s.post(i) }),
      apply: action({ input: api.applyInput, run: (i, c, m) => s.apply(c.openid, i, m.requestId) }),
      mine: action({ input: api.mineInput, run: (i, c) => s.mine(c.openid, i) }),
      withdraw: action({ input: api.withdrawInput, run: (i, c) => s.withdraw(c.openid, i) }),
      managedPosts: action({ input: api.managedPostsInput, run: (i, c) => s.managedPosts(c.openid, i) }),
      createPost: action({ input: api.createPostInput, run: (i, c) => s.createPost(c.openid, i) }),
      openPost: action({ input: api.postActionInput, run: (i, c) => s.transitionPost(c.openid, i, 'open') }),
      closePost: action({ input: api.postActionInput, run: (i, c) => s.transitionPost(c.openid, i, 'close') }),
      cancelPost: action({ input: api.postActionInput, run: (i, c) => s.transitionPost(c.openid, i, 'cancel') }),
      applications: action({ input: api.applicationsInput, run: (i, c) => s.applications(c.openid, i) }),
      reveal: action({ input: api.revealInput, run: (i, c) => s.reveal(c.openid, i) }),
      score: action({ input: api.scoreInput, run: (i, c) => s.score(c.openid, i) }),
      select: action({ input: api.selectInput, run: (i, c) => s.select(c.openid, i) }),
      reserve: action({ input: api.reserveInput, run: (i, c) => s.reserve(c.openid, i) }),
      recordTraining: action({ input: api.recordTrainingInput, run: (i, c) => s.recordTraining(c.openid, i) }),
      training: action({ input: api.trainingInput, run: (i, c) => s.training(c.openid, i) }),
    }, deps),
    logger,
  );
}

/** What each action takes and answers; the app's `recruitment` client is typed by it. */
export type RecruitmentApi = ApiOf<ReturnType<typeof createRecruitmentHandler>>;
