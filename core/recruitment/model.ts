/**
 * Station-head recruitment (第九条2): 自主报名、公开比选、公示. Posts with a published rubric,
 * applications with protected personal data, scoring by several reviewers, selection, a reserve
 * pool of qualified runners-up, and training records (第九条3).
 */
import { AppError } from '../shared/errors';
import { labelled } from '../shared/labelled';

export const { codes: POST_STATUSES, labels: POST_STATUS_LABELS } = labelled({ draft: '草稿', open: '报名中', reviewing: '评审中', notice: '公示中', appointed: '已任用', cancelled: '已取消' });
export type PostStatus = (typeof POST_STATUSES)[number];

export interface RubricItem {
  criterion: string;
  /** Weights of a rubric sum to 100. */
  weight: number;
}

export interface Post {
  id: string;
  title: string;
  stationId: string | null;
  stationName: string | null;
  /** The station's operating company, when there is a station (operator staff may manage the post). */
  operatorName: string | null;
  /** A village that needs a station when there is none yet. */
  villageCode: string | null;
  villageName: string | null;
  regionCodes: string[];
  requirements: string[];
  rubric: RubricItem[];
  opensOn: string;
  closesOn: string;
  /** Minimum total score for the reserve pool (备用库). */
  qualifyingScore: number;
  status: PostStatus;
  selectedApplicationId: string | null;
  noticeId: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Where a post starts: a draft by `createdBy` at `at`, nobody selected, no notice. */
export type PostDraft = Omit<Post, 'status' | 'selectedApplicationId' | 'noticeId' | 'createdBy' | 'createdAt' | 'updatedAt' | 'version'>;
export function draftPost(fields: PostDraft, createdBy: string, at: string): Post {
  return { ...fields, status: 'draft', selectedApplicationId: null, noticeId: null, createdBy, createdAt: at, updatedAt: at, version: 1 };
}

export const { pairs: BACKGROUNDS, codes: BACKGROUND_CODES, labels: BACKGROUND_LABELS } = labelled([
  ['association', '商协会负责人'],
  ['cooperative', '合作社负责人'],
  ['agri_company', '涉农企业负责人'],
  ['self_employed', '个体户'],
  ['villager', '本地村民'],
  ['returnee', '返乡青年'],
  ['other', '其他'],
]);
export type Background = (typeof BACKGROUND_CODES)[number];

export const { codes: EDUCATION, labels: EDUCATION_LABELS } = labelled({ primary: '小学', junior: '初中', senior: '高中', vocational: '中专/技校', college: '大专', bachelor: '本科', master: '研究生' });
export type Education = (typeof EDUCATION)[number];

export const { codes: APPLICATION_STATUSES, labels: APPLICATION_STATUS_LABELS } = labelled({
  submitted: '已报名',
  withdrawn: '已撤回',
  selected: '拟任用（公示中）',
  reserve: '进入备用库',
  unsuccessful: '未入选',
  appointed: '已任用',
  stopped: '公示未通过',
});
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export interface ReviewScore {
  reviewerOpenid: string;
  /** criterion → 0..100 */
  byCriterion: Record<string, number>;
  at: string;
}

export interface Application {
  id: string;
  postId: string;
  applicantOpenid: string;
  name: string;
  gender: 'male' | 'female';
  birthYear: number;
  /** ID number: encrypted; keyed hash for duplicates; masked for display. */
  idCipher: string | null;
  idHash: string;
  idMasked: string;
  phoneCipher: string | null;
  phoneMasked: string;
  villageCode: string;
  villageName: string;
  background: Background;
  education: Education;
  skills: string;
  productExperience: string;
  statement: string;
  /** Separate, explicit consent to process the ID number (个人信息保护法 第二十九条). */
  idConsentAt: string;
  status: ApplicationStatus;
  scores: ReviewScore[];
  createdAt: string;
  updatedAt: string;
  /** Set when personal data was purged after the retention period. */
  purgedAt: string | null;
  version: number;
}

export interface TrainingRecord {
  id: string;
  stationId: string;
  headOpenid: string;
  headName: string;
  kind: 'pre_job' | 'annual';
  title: string;
  date: string;
  days: number;
  recordedBy: string;
  recordedAt: string;
  /** The training session the head signed in to with its code (core/assessment/training.ts). */
  sessionId?: string;
}

export const PRE_JOB_MIN_DAYS = 3;
export const ANNUAL_MIN_TRAININGS = 2;

/** Weighted total 0..100 of one reviewer's scores; the application's total is the reviewers' mean. */
export function weightedTotal(rubric: RubricItem[], byCriterion: Record<string, number>): number {
  return rubric.reduce((sum, r) => sum + (r.weight * (byCriterion[r.criterion] ?? 0)) / 100, 0);
}

export function applicationTotal(rubric: RubricItem[], scores: ReviewScore[]): number | null {
  if (!scores.length) return null;
  return Math.round((scores.reduce((s, r) => s + weightedTotal(rubric, r.byCriterion), 0) / scores.length) * 10) / 10;
}

/** Ranking: total descending; ties by earlier application (first come). */
export function rank<T extends { total: number | null; createdAt: string }>(items: T[]): (T & { rank: number })[] {
  const scored = items.filter((i) => i.total !== null).sort((a, b) => (b.total as number) - (a.total as number) || a.createdAt.localeCompare(b.createdAt));
  return scored.map((i, k) => ({ ...i, rank: k + 1 }));
}

export function checkRubric(rubric: RubricItem[]): void {
  const total = rubric.reduce((s, r) => s + r.weight, 0);
  if (total !== 100) throw new AppError('VALIDATION_ERROR', `评分权重合计应为 100，现在是 ${total}`, { rubric: '权重合计应为 100' });
  const names = new Set(rubric.map((r) => r.criterion));
  if (names.size !== rubric.length) throw new AppError('VALIDATION_ERROR', '评分项名称不能重复', { rubric: '评分项重复' });
}

/** Post transitions: which command from which state. */
export const POST_TRANSITIONS = {
  open: ['draft'],
  close: ['open'],
  select: ['reviewing'],
  startNotice: ['reviewing'],
  appoint: ['notice'],
  reopenReview: ['notice'],
  cancel: ['draft', 'open', 'reviewing'],
} as const satisfies Record<string, readonly PostStatus[]>;

export type PostCommand = keyof typeof POST_TRANSITIONS;

export function assertPostTransition(post: Post, cmd: PostCommand): void {
  if (!(POST_TRANSITIONS[cmd] as readonly PostStatus[]).includes(post.status)) {
    throw new AppError('CONFLICT', `岗位当前${POST_STATUS_LABELS[post.status]}，不能进行这个操作`);
  }
}

/** Heads who are behind on training (第九条3): < 3 pre-job days, or < 2 trainings in the year. */
export function trainingGaps(records: TrainingRecord[], year: number): { preJobDays: number; thisYear: number; behind: string[] } {
  const preJobDays = records.filter((r) => r.kind === 'pre_job').reduce((s, r) => s + r.days, 0);
  const thisYear = records.filter((r) => r.kind === 'annual' && r.date.startsWith(`${year}-`)).length;
  const behind: string[] = [];
  if (preJobDays < PRE_JOB_MIN_DAYS) behind.push(`岗前培训 ${preJobDays} 天，应不少于 ${PRE_JOB_MIN_DAYS} 天`);
  if (thisYear < ANNUAL_MIN_TRAININGS) behind.push(`${year} 年培训 ${thisYear} 次，应不少于 ${ANNUAL_MIN_TRAININGS} 次`);
  return { preJobDays, thisYear, behind };
}

/** Applications whose personal data is purged after the retention period (not selected, gone). */
export const PURGED_STATUSES: readonly ApplicationStatus[] = ['unsuccessful', 'withdrawn', 'stopped'];

/**
 * What the retention purge changes in an application: everything that identifies the person goes;
 * what the public result list and statistics need (name, village, scores, status) stays.
 */
export function applicationPurge(at: string) {
  return { idCipher: null, phoneCipher: null, idMasked: '已清除', phoneMasked: '已清除', skills: '', productExperience: '', statement: '', purgedAt: at } satisfies Partial<Application>;
}

/**
 * One application per person per post, by ID number (keyed hash) and by account: what a store
 * answers when it finds the one or the other already there.
 */
export function duplicateApplication(by: 'idNumber' | 'applicant'): AppError {
  return by === 'idNumber' ? new AppError('CONFLICT', '这个身份证号已经报名过这个岗位', { idNumber: '已报名' }) : new AppError('CONFLICT', '您已经报名过这个岗位', { postId: '已报名' });
}

/** A record to write and the version it must still have (CONFLICT otherwise). */
export interface VersionedWrite<T> {
  next: T;
  expectedVersion: number;
}

/** What choosing the candidate writes: applications whose status changes, then the post. */
export interface ApplicationChange {
  applications: VersionedWrite<Application>[];
  post: VersionedWrite<Post>;
}

/**
 * Choose `chosenId` among a post's live applications: it becomes selected, the others qualify for
 * the reserve pool (备用库) at the post's qualifying score or are unsuccessful.
 */
export function selectionChange(post: Post, chosenId: string, live: Application[], at: string): ApplicationChange {
  const applications: VersionedWrite<Application>[] = [];
  for (const a of live) {
    const total = applicationTotal(post.rubric, a.scores) ?? 0;
    const status = a.id === chosenId ? 'selected' : total >= post.qualifyingScore ? 'reserve' : 'unsuccessful';
    if (status !== a.status) applications.push({ next: { ...a, status, updatedAt: at, version: a.version + 1 }, expectedVersion: a.version });
  }
  return { applications, post: { next: { ...post, selectedApplicationId: chosenId, updatedAt: at, version: post.version + 1 }, expectedVersion: post.version } };
}
