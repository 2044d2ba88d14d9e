/** The `recruitment` and `notices` functions' contracts. */
import { MOBILE_PHONE } from '../shared/limits';
import { isIsoDate } from '../shared/time';
import { isoDate as isoDateFormat, latitude, longitude, optionalText, regionCode, text, z } from '../shared/zod';
import { MAX_OBJECTION, MIN_OBJECTION } from './limits';
import { BACKGROUND_CODES, EDUCATION } from './model';

/** YYYY-MM-DD that is a real day (the shared format alone lets 2026-02-30 through, which the notice arithmetic would silently roll over). */
const isoDate = isoDateFormat.check(z.refine(isIsoDate, '没有这一天，请检查日期'));

const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{6,64}$/, '编号不对'));
const version = z.int().check(z.gte(1, '版本号不对'));
const cursor = z.optional(z.string().check(z.maxLength(40, '翻页参数无效')));
const limit = z.optional(z.int().check(z.gte(1), z.lte(50, '每页最多 50 条')));
const mobile = z.string().check(z.regex(MOBILE_PHONE, '请填写 11 位手机号'));

// Public and applicants
/** By region, or near a position (lat and lng together: nearest posts first, with their distance). */
export const postsInput = z
  .strictObject({ regionCode: z.optional(regionCode), lat: z.optional(latitude), lng: z.optional(longitude), cursor, limit })
  .check(z.refine((v) => (v.lat === undefined) === (v.lng === undefined), { message: '位置需要同时有纬度和经度', path: ['lat'] }));
export const postInput = z.strictObject({ id });
export const applyInput = z.strictObject({
  postId: id,
  name: z.string().check(z.trim(), z.regex(/^[\u4e00-\u9fa5·]{2,15}$/, '请填写真实姓名（2-15 个汉字）')),
  gender: z.enum(['male', 'female'], '请选择性别'),
  birthYear: z.int('请填写出生年份').check(z.gte(1940, '出生年份不对'), z.lte(2010, '出生年份不对')),
  idNumber: text(18, '身份证号', { tooLong: '身份证号应为 18 位' }),
  /** Separate, explicit consent for the ID number: must be literally true. */
  idConsent: z.literal(true, '请勾选同意提供身份证号'),
  phone: mobile,
  villageCode: z.string().check(z.regex(/^36\d{10}$/, '请选择所在村')),
  background: z.enum(BACKGROUND_CODES, '请选择身份背景'),
  education: z.enum(EDUCATION, '请选择文化程度'),
  skills: text(300, '电商技能'),
  productExperience: text(300, '农产品经验'),
  statement: text(1000, '个人陈述'),
});
export const mineInput = z.strictObject({ cursor, limit });
export const withdrawInput = z.strictObject({ id, version });

// Officials
const rubric = z.array(z.strictObject({ criterion: text(20, '评分项'), weight: z.int().check(z.gte(1, '权重至少 1'), z.lte(100, '权重最多 100')) })).check(z.minLength(2, '至少两个评分项'), z.maxLength(10, '最多 10 个评分项'));
export const createPostInput = z.strictObject({
  title: text(40, '岗位名称'),
  stationId: z.optional(z.string().check(z.regex(/^[a-z0-9-]{3,40}$/, '站点编号不对'))),
  villageCode: z.optional(z.string().check(z.regex(/^36\d{10}$/, '村代码不对'))),
  requirements: z.array(text(100, '条件')).check(z.minLength(1, '至少一条任职条件'), z.maxLength(10)),
  rubric,
  opensOn: isoDate,
  closesOn: isoDate,
  qualifyingScore: z.optional(z.int().check(z.gte(0), z.lte(100))),
});
export const managedPostsInput = z.strictObject({ cursor, limit });
export const postActionInput = z.strictObject({ id, version });
export const applicationsInput = z.strictObject({ postId: id, cursor, limit });
export const revealInput = z.strictObject({ applicationId: id, field: z.enum(['idNumber', 'phone'], '字段不对'), reason: text(100, '查看原因') });
export const scoreInput = z.strictObject({ applicationId: id, byCriterion: z.record(z.string().check(z.maxLength(20)), z.int().check(z.gte(0, '分数 0-100'), z.lte(100, '分数 0-100'))) });
export const selectInput = z.strictObject({ postId: id, version, applicationId: id });
export const reserveInput = z.strictObject({ postId: id });
export const recordTrainingInput = z.strictObject({
  stationId: z.string().check(z.regex(/^[a-z0-9-]{3,40}$/, '站点编号不对')),
  kind: z.enum(['pre_job', 'annual'], '请选择培训类型'),
  title: text(60, '培训名称'),
  date: isoDate,
  days: z.number().check(z.gt(0, '天数要大于 0'), z.lte(60, '天数太多了')),
});
export const trainingInput = z.strictObject({ regionCode: z.optional(regionCode) });

// Notices
export const noticesInput = z.strictObject({ status: z.optional(z.enum(['open', 'closed'])), cursor, limit });
export const noticeInput = z.strictObject({ id });
export const objectInput = z.strictObject({
  noticeId: id,
  realName: z.string().check(z.trim(), z.regex(/^[\u4e00-\u9fa5·]{2,15}$/, '异议须实名：请填写真实姓名')),
  phone: mobile,
  text: text(MAX_OBJECTION, '异议', { min: MIN_OBJECTION, tooShort: `请写清异议的事实和理由（至少 ${MIN_OBJECTION} 个字）` }),
});
export const publishInput = z.strictObject({ postId: id, version, startsOn: isoDate, endsOn: isoDate, objectionChannel: text(100, '异议渠道') });
export const objectionsInput = z.strictObject({ noticeId: id });
export const resolveInput = z.strictObject({ objectionId: id, version, status: z.enum(['investigating', 'upheld', 'dismissed'], '请选择处理结果'), response: optionalText(500, '答复') });
