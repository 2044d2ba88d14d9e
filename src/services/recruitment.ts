/**
 * `recruitment` client: public posts, applications (自主报名) with a separate consent for the ID
 * number, and officials' post management, scoring, audited reveal, selection and training.
 * Typed by `RecruitmentApi`.
 */
import type { RecruitmentApi } from '../../cloudfunctions/recruitment/handler';
import { client, type Input, type Output } from './transport';

type In<K extends keyof RecruitmentApi> = Input<RecruitmentApi, K>;
type Out<K extends keyof RecruitmentApi> = Output<RecruitmentApi, K>;

export type PostsPage = Out<'posts'>;
export type PublicPost = PostsPage['items'][number];
export type PostDetail = Out<'post'>;
export type PostResult = NonNullable<PostDetail['results']>[number];
export type ApplyInput = In<'apply'>;
export type MyApplicationsPage = Out<'mine'>;
export type MyApplication = MyApplicationsPage['items'][number];
export type CreatePostInput = In<'createPost'>;
export type ApplicationsView = Out<'applications'>;
export type ReviewerApplication = ApplicationsView['items'][number];
/** One application as `score` answers it (no rank: ranks exist only in the list). */
export type ScoredApplication = Out<'score'>;
export type RevealAnswer = Out<'reveal'>;
export type ReserveItem = Out<'reserve'>[number];
export type TrainingView = Out<'training'>;
export type TrainingRow = TrainingView['heads'][number];
export type RecordTrainingInput = In<'recordTraining'>;

const call = client<RecruitmentApi>('recruitment');
const write = <K extends keyof RecruitmentApi & string>(action: K, input: In<K>) => call(action, input, { write: true });

export const recruitment = {
  // Public and applicants
  posts: (input: In<'posts'> = {}) => call('posts', input),
  /** Officials: every post in their area, drafts included. */
  managedPosts: (input: In<'managedPosts'> = {}) => call('managedPosts', input),
  post: (input: In<'post'>) => call('post', input),
  /** Pass the same requestId again when retrying one submission: the server answers the first result. */
  apply: (input: ApplyInput, requestId: string) => call('apply', input, { requestId }),
  mine: (input: In<'mine'> = {}) => call('mine', input),
  withdraw: (input: In<'withdraw'>) => write('withdraw', input),
  // Officials and operators
  createPost: (input: CreatePostInput) => write('createPost', input),
  openPost: (input: In<'openPost'>) => write('openPost', input),
  closePost: (input: In<'closePost'>) => write('closePost', input),
  cancelPost: (input: In<'cancelPost'>) => write('cancelPost', input),
  applications: (input: In<'applications'>) => call('applications', input),
  /** Decrypts one field; the server audits every call with the reason. */
  reveal: (input: In<'reveal'>) => write('reveal', input),
  score: (input: In<'score'>) => write('score', input),
  select: (input: In<'select'>) => write('select', input),
  reserve: (input: In<'reserve'>) => call('reserve', input),
  recordTraining: (input: RecordTrainingInput) => write('recordTraining', input),
  training: (input: In<'training'> = {}) => call('training', input),
};
