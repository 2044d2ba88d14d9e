/**
 * The storage contract of RecruitmentRepository and NoticeRepository (core/ports.ts): one suite
 * that every adapter (SQLite, CloudBase through the fake SDK) must pass as is. It pins what the
 * ports' comments leave open:
 * - posts list newest first (ties: id ascending); applications, objections in creation order
 *   (ties: id ascending); notices newest published first (ties: id ascending); training records by
 *   date; `ended` by last day;
 * - an empty filter list (statuses, regions, stations) matches nothing; an omitted one everything;
 * - a repeated request key answers the first application even when the second one would be a
 *   duplicate; a duplicate ID hash is checked before a duplicate applicant; both are per post;
 * - updates are all-or-nothing on the expected version (CONFLICT, record unchanged), also for a
 *   record that does not exist;
 * - the purge clears ciphers, masked values and free texts of the given statuses last updated
 *   strictly before `before`, once (a second run counts 0); it keeps the keyed hash, the name, the
 *   scores, the status and the version;
 * - records come back exactly as stored, whatever the criterion names of the scores;
 * - an unreachable store answers UNAVAILABLE.
 */
import type { Notice, Objection } from '../../core/notice/model';
import type { NoticeRepository, RecruitmentRepository } from '../../core/ports';
import type { Application, Post, TrainingRecord } from '../../core/recruitment/model';
import { AppError } from '../../core/shared/errors';
import { useStore, type StoreLifecycle } from '../support/store-hooks';
import { rubric } from '../support/rubric';

export interface RecruitmentStoreHandle extends StoreLifecycle {
  recruitment: RecruitmentRepository;
  notices: NoticeRepository;
}

export interface RecruitmentContractOptions {
  /** How many concurrent inserts the race tests fire. */
  concurrency?: number;
}

const T0 = Date.parse('2026-09-21T02:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const YUDU = ['36', '3607', '360731', '360731100'];
const JGS = ['36', '3608', '360881', '360881100'];

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${String(++counter).padStart(7, '0')}`;

/** A maker of test records: `defaults` for a fresh id (`<prefix>-0000001`, …), then the overrides. */
const builder =
  <T>(prefix: string, defaults: (id: string) => T) =>
  (p: Partial<T> = {}): T => ({ ...defaults(nextId(prefix)), ...p });

export const post = builder<Post>('post', (id) => ({
  id,
  title: '服务点负责人',
  stationId: 'st-360731100-003',
  stationName: '甲站',
  operatorName: '运营甲',
  villageCode: null,
  villageName: null,
  regionCodes: YUDU,
  requirements: ['本村常住'],
  rubric: rubric({ 电商技能: 40, 群众基础: 60 }),
  opensOn: '2026-09-21',
  closesOn: '2026-09-25',
  qualifyingScore: 60,
  status: 'open',
  selectedApplicationId: null,
  noticeId: null,
  createdBy: 'official',
  createdAt: at(0),
  updatedAt: at(0),
  version: 1,
}));

export const application = builder<Application>('app', (id) => ({
  id,
  postId: 'post-x',
  applicantOpenid: `o-${id}`,
  name: '张伟',
  gender: 'male',
  birthYear: 1990,
  idCipher: 'k1.iv.tag.body-id',
  idHash: `hash-${id}`,
  idMasked: '3607**********1234',
  phoneCipher: 'k1.iv.tag.body-phone',
  phoneMasked: '139****0001',
  villageCode: '360731100001',
  villageName: '长龙居委会',
  background: 'villager',
  education: 'senior',
  skills: '会开网店',
  productExperience: '卖过脐橙',
  statement: '愿意服务乡亲',
  idConsentAt: at(0),
  status: 'submitted',
  scores: [],
  createdAt: at(0),
  updatedAt: at(0),
  purgedAt: null,
  version: 1,
}));

const training = builder<TrainingRecord>('tr', (id) => ({
  id,
  stationId: 'st-a',
  headOpenid: 'h1',
  headName: '张伟',
  kind: 'pre_job',
  title: '岗前培训',
  date: '2026-10-15',
  days: 1,
  recordedBy: 'official',
  recordedAt: at(0),
}));

export const notice = builder<Notice>('notice', (id) => ({
  id,
  kind: 'appointment',
  subjectId: 'app-x',
  title: '甲站负责人拟任用人选公示',
  facts: [
    { label: '姓名', value: '张伟' },
    { label: '年龄', value: '36 岁' },
  ],
  body: '公示期内如有异议，请实名提出。',
  regionCodes: YUDU,
  startsOn: '2026-09-30',
  endsOn: '2026-10-12',
  objectionChannel: '电话',
  status: 'open',
  outcome: null,
  publishedBy: 'official',
  publishedAt: at(0),
  closedAt: null,
  version: 1,
}));

const objection = builder<Objection>('obj', (id) => ({
  id,
  noticeId: 'notice-x',
  objectorOpenid: 'o1',
  realName: '李四',
  phoneCipher: 'k1.a.b.c',
  phoneMasked: '138****0001',
  text: '此人不在本村居住，请核实。',
  status: 'received',
  response: null,
  createdAt: at(0),
  updatedAt: at(0),
  version: 1,
}));

async function codeOf(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'ok',
    (e: unknown) => {
      if (!(e instanceof AppError)) throw e;
      return e.code;
    },
  );
}

export function describeRecruitmentStoreContract(name: string, open: () => Promise<RecruitmentStoreHandle>, options: RecruitmentContractOptions = {}): void {
  const concurrency = options.concurrency ?? 12;

  describe(`recruitment store contract: ${name}`, () => {
    let h: RecruitmentStoreHandle;
    let store: RecruitmentRepository;
    let notices: NoticeRepository;
    let keys = 0;
    const key = () => `o1:req-${++keys}`;

    useStore(open, (opened) => {
      h = opened;
      store = h.recruitment;
      notices = h.notices;
    });

    // ——— posts ———
    describe('posts', () => {
      test('insert, get back exactly; a missing one is null', async () => {
        const p = post({ villageCode: null, requirements: ['本村常住', '会用智能手机'] });
        await store.insertPost(p);
        expect(await store.getPost(p.id)).toEqual(p);
        expect(await store.getPost('post-missing')).toBeNull();
        const v = post({ stationId: null, stationName: null, operatorName: null, villageCode: '360731100001', villageName: '长龙居委会', regionCodes: [...YUDU, '360731100001'] });
        await store.insertPost(v);
        expect(await store.getPost(v.id)).toEqual(v);
      });

      test('update on the expected version only; otherwise CONFLICT and nothing changes', async () => {
        const p = post();
        await store.insertPost(p);
        const next: Post = { ...p, status: 'reviewing', rubric: [{ criterion: '综合', weight: 100 }], updatedAt: at(5), version: 2 };
        await store.updatePost(next, 1);
        expect(await store.getPost(p.id)).toEqual(next);
        const err = await store.updatePost({ ...next, status: 'cancelled', version: 3 }, 1).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(AppError);
        expect(err).toMatchObject({ code: 'CONFLICT', message: '岗位刚被其他人修改，请刷新后再试' });
        expect(await store.getPost(p.id)).toEqual(next);
        expect(await codeOf(store.updatePost({ ...post(), version: 2 }, 1))).toBe('CONFLICT');
      });

      test('list: newest first (ties by id), filtered by status and by any region of the path', async () => {
        const a = post({ createdAt: at(1), status: 'open' });
        const b = post({ createdAt: at(3), status: 'reviewing' });
        const c = post({ createdAt: at(2), status: 'draft', regionCodes: JGS });
        const d = post({ createdAt: at(3), status: 'notice', regionCodes: JGS });
        for (const p of [a, b, c, d]) await store.insertPost(p);
        const ids = async (q: Partial<Parameters<RecruitmentRepository['listPosts']>[0]>) => (await store.listPosts({ offset: 0, limit: 50, ...q })).items.map((p) => p.id);
        expect(await ids({})).toEqual([b.id, d.id, c.id, a.id]);
        expect(await ids({ statuses: ['open', 'reviewing', 'notice'] })).toEqual([b.id, d.id, a.id]);
        expect(await ids({ regionCodes: ['360881'] })).toEqual([d.id, c.id]);
        expect(await ids({ regionCodes: ['360731100', '3608'] })).toEqual([b.id, d.id, c.id, a.id]);
        expect(await ids({ regionCodes: ['36'], statuses: ['draft'] })).toEqual([c.id]);
        expect(await ids({ statuses: [] })).toEqual([]);
        expect(await ids({ regionCodes: [] })).toEqual([]);
        expect(await ids({ regionCodes: ['3611'] })).toEqual([]);
        expect((await store.listPosts({ offset: 0, limit: 50 })).items[0]).toEqual(b);
      });

      test('pages with offset and limit; hasMore tells when more exist (across batches of 100)', async () => {
        const all: Post[] = [];
        for (let i = 0; i < 130; i++) all.push(post({ createdAt: at(1000 - i) }));
        for (const p of all) await store.insertPost(p);
        const first = await store.listPosts({ offset: 0, limit: 120 });
        expect(first.items.map((p) => p.id)).toEqual(all.slice(0, 120).map((p) => p.id));
        expect(first.hasMore).toBe(true);
        const rest = await store.listPosts({ offset: 120, limit: 20 });
        expect(rest.items.map((p) => p.id)).toEqual(all.slice(120).map((p) => p.id));
        expect(rest.hasMore).toBe(false);
        const exact = await store.listPosts({ offset: 110, limit: 20 });
        expect(exact.hasMore).toBe(false);
        expect(exact.items).toHaveLength(20);
      });
    });

    // ——— applications ———
    describe('applications', () => {
      test('insert and get back exactly, scores included, whatever the criterion names', async () => {
        const byCriterion = JSON.parse('{"电商技能":80,"a.b":70,"$分":60,"__proto__":50,"constructor":40}') as Record<string, number>;
        const a = application({ scores: [{ reviewerOpenid: 'r1', byCriterion, at: at(5) }] });
        expect(await store.insertApplication(a, key())).toEqual({ application: a, created: true });
        const back = await store.getApplication(a.id);
        expect(back).toEqual(a);
        expect(Object.keys(back!.scores[0].byCriterion)).toEqual(Object.keys(byCriterion));
        expect(Object.getPrototypeOf(back!.scores[0].byCriterion)).toBe(Object.prototype);
        expect(await store.getApplication('app-missing')).toBeNull();
      });

      test('a repeated request key answers the first application and writes nothing', async () => {
        const a = application({ postId: 'p1' });
        const k = key();
        await store.insertApplication(a, k);
        // Even a second application that would be a duplicate.
        const again = await store.insertApplication(application({ postId: 'p1', idHash: a.idHash, applicantOpenid: a.applicantOpenid }), k);
        expect(again).toEqual({ application: a, created: false });
        expect((await store.listApplications({ postId: 'p1', offset: 0, limit: 10 })).items).toEqual([a]);
      });

      test('one application per ID number and per person on a post: CONFLICT with the field; other posts are fine', async () => {
        const a = application({ postId: 'p1', idHash: 'H1', applicantOpenid: 'u1' });
        await store.insertApplication(a, key());
        const sameId = store.insertApplication(application({ postId: 'p1', idHash: 'H1', applicantOpenid: 'u2' }), key()).catch((e: unknown) => e);
        expect(await sameId).toMatchObject({ code: 'CONFLICT', message: '这个身份证号已经报名过这个岗位', fields: { idNumber: '已报名' } });
        const samePerson = store.insertApplication(application({ postId: 'p1', idHash: 'H2', applicantOpenid: 'u1' }), key()).catch((e: unknown) => e);
        expect(await samePerson).toMatchObject({ code: 'CONFLICT', message: '您已经报名过这个岗位', fields: { postId: '已报名' } });
        // Both at once: the ID number is reported.
        expect(await store.insertApplication(application({ postId: 'p1', idHash: 'H1', applicantOpenid: 'u1' }), key()).catch((e: unknown) => e)).toMatchObject({ fields: { idNumber: '已报名' } });
        expect((await store.insertApplication(application({ postId: 'p2', idHash: 'H1', applicantOpenid: 'u1' }), key())).created).toBe(true);
        expect((await store.listApplications({ postId: 'p1', offset: 0, limit: 10 })).items).toEqual([a]);
        // A withdrawn application still counts.
        await store.updateApplication({ ...a, status: 'withdrawn', version: 2 }, 1);
        expect(await codeOf(store.insertApplication(application({ postId: 'p1', idHash: 'H1', applicantOpenid: 'u3' }), key()))).toBe('CONFLICT');
      });

      test('concurrent applications with one ID number: exactly one is stored, the others CONFLICT', async () => {
        const results = await Promise.all(
          Array.from({ length: concurrency }, (_, i) =>
            store.insertApplication(application({ postId: 'p-race', idHash: 'H-race', applicantOpenid: `u${i}` }), key()).then(
              (r) => (r.created ? 'created' : 'repeat'),
              (e: unknown) => (e instanceof AppError ? e.code : `threw ${String(e)}`),
            ),
          ),
        );
        expect(results.filter((r) => r === 'created')).toHaveLength(1);
        expect(results.filter((r) => r === 'CONFLICT')).toHaveLength(concurrency - 1);
        expect((await store.listApplications({ postId: 'p-race', offset: 0, limit: 50 })).items).toHaveLength(1);
      });

      test('concurrent repeats of one request: one application, every answer the same', async () => {
        const k = key();
        const results = await Promise.all(Array.from({ length: concurrency }, () => store.insertApplication(application({ postId: 'p-same', idHash: 'H-same', applicantOpenid: 'u-same' }), k)));
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect(new Set(results.map((r) => r.application.id)).size).toBe(1);
        expect((await store.listApplications({ postId: 'p-same', offset: 0, limit: 50 })).items).toHaveLength(1);
      });

      test('update on the expected version only', async () => {
        const a = application();
        await store.insertApplication(a, key());
        const next: Application = { ...a, status: 'reserve', scores: [{ reviewerOpenid: 'r1', byCriterion: { 电商技能: 90 }, at: at(9) }], updatedAt: at(9), version: 2 };
        await store.updateApplication(next, 1);
        expect(await store.getApplication(a.id)).toEqual(next);
        const err = await store.updateApplication({ ...next, status: 'selected', version: 3 }, 1).catch((e: unknown) => e);
        expect(err).toMatchObject({ code: 'CONFLICT', message: '报名刚被其他人修改，请刷新后再试' });
        expect(await store.getApplication(a.id)).toEqual(next);
        expect(await codeOf(store.updateApplication({ ...application(), version: 2 }, 1))).toBe('CONFLICT');
        // Scores that lost a criterion come back without it.
        const fewer: Application = { ...next, scores: [{ reviewerOpenid: 'r1', byCriterion: {}, at: at(10) }], version: 3 };
        await store.updateApplication(fewer, 2);
        expect(await store.getApplication(a.id)).toEqual(fewer);
      });

      test('list: creation order (ties by id), by post, by applicant, by status; paged', async () => {
        const a = application({ postId: 'p1', createdAt: at(2), applicantOpenid: 'u1' });
        const b = application({ postId: 'p1', createdAt: at(1), applicantOpenid: 'u2', status: 'reserve' });
        const c = application({ postId: 'p2', createdAt: at(1), applicantOpenid: 'u1', status: 'appointed' });
        const d = application({ postId: 'p1', createdAt: at(2), applicantOpenid: 'u3', status: 'withdrawn' });
        for (const x of [a, b, c, d]) await store.insertApplication(x, key());
        const ids = async (q: Partial<Parameters<RecruitmentRepository['listApplications']>[0]>) => (await store.listApplications({ offset: 0, limit: 50, ...q })).items.map((x) => x.id);
        const [first, second] = [a.id, d.id].sort();
        expect(await ids({ postId: 'p1' })).toEqual([b.id, first, second]);
        expect(await ids({ applicantOpenid: 'u1' })).toEqual([c.id, a.id]);
        expect(await ids({ statuses: ['appointed', 'reserve'] })).toEqual([b.id, c.id].sort());
        expect(await ids({ postId: 'p1', statuses: ['submitted', 'reserve'] })).toEqual([b.id, a.id]);
        expect(await ids({ statuses: [] })).toEqual([]);
        expect(await ids({ postId: 'p3' })).toEqual([]);
        const page = await store.listApplications({ postId: 'p1', offset: 1, limit: 1 });
        expect(page.items.map((x) => x.id)).toEqual([first]);
        expect(page.hasMore).toBe(true);
        expect((await store.listApplications({ postId: 'p1', offset: 2, limit: 1 })).hasMore).toBe(false);
      });

      test('more than 100 applications on a post are all listed', async () => {
        for (let i = 0; i < 120; i++) await store.insertApplication(application({ postId: 'p-big', createdAt: at(i) }), key());
        const page = await store.listApplications({ postId: 'p-big', offset: 0, limit: 500 });
        expect(page.items).toHaveLength(120);
        expect(page.hasMore).toBe(false);
      });

      test('purge: the given statuses last updated strictly before the cut-off, once; hash, name, scores, status and version stay', async () => {
        const scores = [{ reviewerOpenid: 'r1', byCriterion: { 电商技能: 40 }, at: at(1) }];
        const old = application({ status: 'unsuccessful', updatedAt: at(10), scores });
        const withdrawn = application({ status: 'withdrawn', updatedAt: at(10) });
        const edge = application({ status: 'stopped', updatedAt: at(20) });
        const recent = application({ status: 'unsuccessful', updatedAt: at(30) });
        const reserve = application({ status: 'reserve', updatedAt: at(10) });
        for (const x of [old, withdrawn, edge, recent, reserve]) await store.insertApplication(x, key());
        expect(await store.purgePersonalData(['unsuccessful', 'withdrawn', 'stopped'], at(20), at(100))).toBe(2);
        const cleared = { idCipher: null, phoneCipher: null, idMasked: '已清除', phoneMasked: '已清除', skills: '', productExperience: '', statement: '', purgedAt: at(100) };
        expect(await store.getApplication(old.id)).toEqual({ ...old, ...cleared });
        expect(await store.getApplication(withdrawn.id)).toEqual({ ...withdrawn, ...cleared });
        for (const x of [edge, recent, reserve]) expect(await store.getApplication(x.id)).toEqual(x);
        // Again: nothing new; later, the edge one.
        expect(await store.purgePersonalData(['unsuccessful', 'withdrawn', 'stopped'], at(20), at(101))).toBe(0);
        expect((await store.getApplication(old.id))?.purgedAt).toBe(at(100));
        expect(await store.purgePersonalData(['unsuccessful', 'withdrawn', 'stopped'], at(21), at(102))).toBe(1);
        expect(await store.getApplication(edge.id)).toEqual({ ...edge, ...cleared, purgedAt: at(102) });
        expect(await store.purgePersonalData([], at(1000), at(103))).toBe(0);
        // The keyed hash still blocks a second application with the same ID number.
        expect(await codeOf(store.insertApplication(application({ postId: old.postId, idHash: old.idHash }), key()))).toBe('CONFLICT');
        // A purged application can still be updated on its version.
        const purged = (await store.getApplication(old.id)) as Application;
        await store.updateApplication({ ...purged, version: 2 }, 1);
        expect((await store.getApplication(old.id))?.idCipher).toBeNull();
      });
    });

    // ——— training ———
    describe('training records', () => {
      test('insert; list by stations and head, by date', async () => {
        const a = training({ date: '2026-10-16' });
        const b = training({ date: '2026-10-15', kind: 'annual', days: 0.5 });
        const c = training({ stationId: 'st-b', date: '2026-10-01' });
        const d = training({ headOpenid: 'h2', date: '2026-09-01' });
        for (const x of [a, b, c, d]) await store.insertTraining(x);
        expect(await store.listTraining({ stationIds: ['st-a'], headOpenid: 'h1' })).toEqual([b, a]);
        expect(await store.listTraining({ stationIds: ['st-a', 'st-b'] })).toEqual([d, c, b, a]);
        expect(await store.listTraining({ headOpenid: 'h1' })).toEqual([c, b, a]);
        expect(await store.listTraining({ stationIds: [] })).toEqual([]);
        expect(await store.listTraining({})).toEqual([d, c, b, a]);
      });
    });

    // ——— notices ———
    describe('notices and objections', () => {
      test('insert, get back exactly, update on the expected version only', async () => {
        const n = notice();
        await notices.insert(n);
        expect(await notices.get(n.id)).toEqual(n);
        expect(await notices.get('notice-missing')).toBeNull();
        const closed: Notice = { ...n, status: 'closed', outcome: 'suspended', closedAt: at(50), version: 2 };
        await notices.update(closed, 1);
        expect(await notices.get(n.id)).toEqual(closed);
        expect(await store.getPost(n.id)).toBeNull();
        const err = await notices.update({ ...closed, outcome: 'approved', version: 3 }, 1).catch((e: unknown) => e);
        expect(err).toMatchObject({ code: 'CONFLICT', message: '公示刚被其他人修改，请刷新后再试' });
        expect(await notices.get(n.id)).toEqual(closed);
        expect(await codeOf(notices.update({ ...notice(), version: 2 }, 1))).toBe('CONFLICT');
      });

      test('list newest published first (ties by id), by status and region; paged', async () => {
        const a = notice({ publishedAt: at(1) });
        const b = notice({ publishedAt: at(3), status: 'closed', outcome: 'approved' });
        const c = notice({ publishedAt: at(2), regionCodes: JGS });
        const d = notice({ publishedAt: at(3) });
        for (const x of [a, b, c, d]) await notices.insert(x);
        const ids = async (q: Partial<Parameters<NoticeRepository['list']>[0]>) => (await notices.list({ offset: 0, limit: 50, ...q })).items.map((x) => x.id);
        expect(await ids({})).toEqual([b.id, d.id, c.id, a.id]);
        expect(await ids({ status: 'open' })).toEqual([d.id, c.id, a.id]);
        expect(await ids({ status: 'closed' })).toEqual([b.id]);
        expect(await ids({ regionCodes: ['360731'] })).toEqual([b.id, d.id, a.id]);
        expect(await ids({ regionCodes: ['3608'], status: 'open' })).toEqual([c.id]);
        expect(await ids({ regionCodes: [] })).toEqual([]);
        const page = await notices.list({ offset: 1, limit: 2 });
        expect(page.items.map((x) => x.id)).toEqual([d.id, c.id]);
        expect(page.hasMore).toBe(true);
      });

      test('ended: open notices whose last day is before today, by last day, up to the limit', async () => {
        const a = notice({ endsOn: '2026-10-12' });
        const b = notice({ endsOn: '2026-10-09' });
        const c = notice({ endsOn: '2026-10-13' });
        const d = notice({ endsOn: '2026-10-01', status: 'closed', outcome: 'approved' });
        const e = notice({ endsOn: '2026-10-10' });
        for (const x of [a, b, c, d, e]) await notices.insert(x);
        expect((await notices.ended('2026-10-13', 10)).map((x) => x.id)).toEqual([b.id, e.id, a.id]);
        expect((await notices.ended('2026-10-13', 2)).map((x) => x.id)).toEqual([b.id, e.id]);
        expect(await notices.ended('2026-10-09', 10)).toEqual([]);
        await notices.update({ ...b, status: 'closed', outcome: 'stopped', version: 2 }, 1);
        expect((await notices.ended('2026-10-13', 10)).map((x) => x.id)).toEqual([e.id, a.id]);
      });

      test('objections: insert, get, update on the version, list in order', async () => {
        const n = notice();
        await notices.insert(n);
        const o1 = objection({ noticeId: n.id, createdAt: at(2) });
        const o2 = objection({ noticeId: n.id, createdAt: at(1) });
        const o3 = objection({ noticeId: 'other', createdAt: at(1) });
        for (const o of [o1, o2, o3]) await notices.insertObjection(o);
        expect(await notices.getObjection(o1.id)).toEqual(o1);
        expect(await notices.getObjection('obj-missing')).toBeNull();
        expect(await notices.listObjections(n.id)).toEqual([o2, o1]);
        expect(await notices.listObjections('nobody')).toEqual([]);
        const next: Objection = { ...o1, status: 'dismissed', response: '经核实，异议不成立。', updatedAt: at(9), version: 2 };
        await notices.updateObjection(next, 1);
        expect(await notices.getObjection(o1.id)).toEqual(next);
        const err = await notices.updateObjection({ ...next, status: 'upheld', version: 3 }, 1).catch((e: unknown) => e);
        expect(err).toMatchObject({ code: 'CONFLICT', message: '异议刚被其他人修改，请刷新后再试' });
        expect(await notices.listObjections(n.id)).toEqual([o2, next]);
      });
    });

    test('an unreachable store answers UNAVAILABLE everywhere', async () => {
      const p = post();
      await store.insertPost(p);
      await h.breakStore();
      const calls: [string, () => Promise<unknown>][] = [
        ['getPost', () => store.getPost(p.id)],
        ['insertPost', () => store.insertPost(post())],
        ['updatePost', () => store.updatePost({ ...p, version: 2 }, 1)],
        ['listPosts', () => store.listPosts({ offset: 0, limit: 10 })],
        ['insertApplication', () => store.insertApplication(application(), key())],
        ['getApplication', () => store.getApplication('a')],
        ['updateApplication', () => store.updateApplication({ ...application(), version: 2 }, 1)],
        ['listApplications', () => store.listApplications({ postId: 'p', offset: 0, limit: 10 })],
        ['purgePersonalData', () => store.purgePersonalData(['unsuccessful'], at(1), at(2))],
        ['insertTraining', () => store.insertTraining(training())],
        ['listTraining', () => store.listTraining({})],
        ['notices.insert', () => notices.insert(notice())],
        ['notices.get', () => notices.get('n')],
        ['notices.update', () => notices.update({ ...notice(), version: 2 }, 1)],
        ['notices.list', () => notices.list({ offset: 0, limit: 10 })],
        ['notices.ended', () => notices.ended('2026-10-13', 10)],
        ['insertObjection', () => notices.insertObjection(objection())],
        ['getObjection', () => notices.getObjection('o')],
        ['updateObjection', () => notices.updateObjection({ ...objection(), version: 2 }, 1)],
        ['listObjections', () => notices.listObjections('n')],
      ];
      for (const [what, run] of calls) expect({ what, code: await codeOf(run()) }).toEqual({ what, code: 'UNAVAILABLE' });
    });
  });
}
