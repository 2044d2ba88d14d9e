/** `recruitment`: posts, applications, scoring, selection, reserve pool, training records. */
import * as api from '../../core/recruitment/api';
import { createRecruitmentService, type RecruitmentDeps } from '../../core/recruitment/service';
import { action, serviceActions, type ApiOf, type Logger } from '../../core/shared/router';
import { rateLimitedRouter } from '../_shared/router';
import type { RateLimitDeps } from '../../core/shared/rate-limit';

export function createRecruitmentHandler(deps: RecruitmentDeps & RateLimitDeps, logger?: Logger) {
  const s = createRecruitmentService(deps);
  return rateLimitedRouter('recruitment', deps, logger, serviceActions(s, {
    posts: action({ input: api.postsInput, run: (i) => s.posts(i) }),
    post: action({ input: api.postInput, run: (i) => s.post(i) }),
    apply: action({ input: api.applyInput, run: (i, c, m) => s.apply(c.openid, i, m.requestId) }),
    mine: api.mineInput,
    withdraw: api.withdrawInput,
    managedPosts: api.managedPostsInput,
    createPost: api.createPostInput,
    openPost: action({ input: api.postActionInput, run: (i, c) => s.transitionPost(c.openid, i, 'open') }),
    closePost: action({ input: api.postActionInput, run: (i, c) => s.transitionPost(c.openid, i, 'close') }),
    cancelPost: action({ input: api.postActionInput, run: (i, c) => s.transitionPost(c.openid, i, 'cancel') }),
    applications: api.applicationsInput,
    reveal: api.revealInput,
    score: api.scoreInput,
    select: api.selectInput,
    reserve: api.reserveInput,
    recordTraining: api.recordTrainingInput,
    training: api.trainingInput,
  }));
}

/** What each action takes and answers; the app's `recruitment` client is typed by it. */
export type RecruitmentApi = ApiOf<ReturnType<typeof createRecruitmentHandler>>;
