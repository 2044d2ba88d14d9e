/**
 * `recruitment` client: public posts, applications (自主报名) with a separate consent for the ID
 * number, and officials' post management, scoring, audited reveal, selection and training.
 * Only types come from core/recruitment/{api,service}.ts.
 */
import type * as api from '@core/recruitment/api';
import type { RecruitmentService } from '@core/recruitment/service';
import type { z } from '@core/shared/zod';
import { callFunction } from './transport';

type In<S extends z.ZodMiniType> = z.infer<S>;
type Out<K extends keyof RecruitmentService> = Awaited<ReturnType<RecruitmentService[K]>>;

export type PostsPage = Out<'posts'>;
export type PublicPost = PostsPage['items'][number];
export type PostDetail = Out<'post'>;
export type PostResult = NonNullable<PostDetail['results']>[number];
export type ApplyInput = In<typeof api.applyInput>;
export type MyApplicationsPage = Out<'mine'>;
export type MyApplication = MyApplicationsPage['items'][number];
export type CreatePostInput = In<typeof api.createPostInput>;
export type ApplicationsView = Out<'applications'>;
export type ReviewerApplication = ApplicationsView['items'][number];
export type RevealAnswer = Out<'reveal'>;
export type ReserveItem = Out<'reserve'>[number];
export type TrainingView = Out<'training'>;
export type TrainingRow = TrainingView['heads'][number];
export type RecordTrainingInput = In<typeof api.recordTrainingInput>;

const FN = 'recruitment';

export const recruitment = {
  // Public and applicants
  posts: (input: In<typeof api.postsInput> = {}) => callFunction<PostsPage>(FN, 'posts', input),
  /** Officials: every post in their area, drafts included. */
  managedPosts: (input: In<typeof api.managedPostsInput> = {}) => callFunction<PostsPage>(FN, 'managedPosts', input),
  post: (input: In<typeof api.postInput>) => callFunction<PostDetail>(FN, 'post', input),
  /** Pass the same requestId again when retrying one submission: the server answers the first result. */
  apply: (input: ApplyInput, requestId: string) => callFunction<Out<'apply'>>(FN, 'apply', input, { requestId }),
  mine: (input: In<typeof api.mineInput> = {}) => callFunction<MyApplicationsPage>(FN, 'mine', input),
  withdraw: (input: In<typeof api.withdrawInput>) => callFunction<Out<'withdraw'>>(FN, 'withdraw', input, { write: true }),
  // Officials and operators
  createPost: (input: CreatePostInput) => callFunction<PublicPost>(FN, 'createPost', input, { write: true }),
  openPost: (input: In<typeof api.postActionInput>) => callFunction<PublicPost>(FN, 'openPost', input, { write: true }),
  closePost: (input: In<typeof api.postActionInput>) => callFunction<PublicPost>(FN, 'closePost', input, { write: true }),
  cancelPost: (input: In<typeof api.postActionInput>) => callFunction<PublicPost>(FN, 'cancelPost', input, { write: true }),
  applications: (input: In<typeof api.applicationsInput>) => callFunction<ApplicationsView>(FN, 'applications', input),
  /** Decrypts one field; the server audits every call with the reason. */
  reveal: (input: In<typeof api.revealInput>) => callFunction<RevealAnswer>(FN, 'reveal', input, { write: true }),
  score: (input: In<typeof api.scoreInput>) => callFunction<ReviewerApplication>(FN, 'score', input, { write: true }),
  select: (input: In<typeof api.selectInput>) => callFunction<PublicPost>(FN, 'select', input, { write: true }),
  reserve: (input: In<typeof api.reserveInput>) => callFunction<ReserveItem[]>(FN, 'reserve', input),
  recordTraining: (input: RecordTrainingInput) => callFunction<Out<'recordTraining'>>(FN, 'recordTraining', input, { write: true }),
  training: (input: In<typeof api.trainingInput> = {}) => callFunction<TrainingView>(FN, 'training', input),
};
