/**
 * CloudBase repositories for recruitment (posts, applications, training records) and public
 * notices (notices, objections), docs/product.md §5, over the document database API of wx-server-sdk and
 * @cloudbase/node-sdk. Behaviour matches adapters/sqlite/recruitment.ts: the contract suite in
 * test/contract/recruitment.contract.ts runs against both.
 *
 * Collections (indexes: adapters/cloudbase/indexes.json; closed rules: cloudbase/database-rules.json):
 * - posts: `_id` = post id; the record under `post`, plus status, version, createdAt, regionCodes;
 * - applications: `_id` = application id; the record under `application`, plus postId, applicant,
 *   idHash, status, createdAt, updatedAt, version and `purged`. Reviewers' scores are stored with
 *   `byCriterion` as a list of `{ c, v }` pairs: criterion names are free text and a document key
 *   may not start with `$` or contain a dot;
 * - application_requests: three kinds of small documents with deterministic `_id`s, none of which
 *   carries an openid or a hash of an ID number in clear:
 *   `rk_` + SHA-256(request key) → the application a request created (idempotency);
 *   `ih_` + SHA-256(post id, keyed ID hash) → one application per ID number and post;
 *   `ap_` + SHA-256(post id, openid) → one application per person and post;
 * - training_records: `_id` = record id; the record under `record`, plus stationId, headOpenid, date;
 * - notices: `_id` = notice id; the record under `notice`, plus status, endsOn, publishedAt,
 *   regionCodes, version;
 * - objections: `_id` = objection id; the record under `objection`, plus noticeId, createdAt, version.
 *
 * Duplicates. `insertApplication` runs in one `db.runTransaction` (single documents by `_id` only,
 * as CloudBase allows): it reads the request key and both guards, then adds the application, the
 * guards and the request key. `add` with an explicit `_id` fails when the document exists, so of
 * two concurrent applications with the same ID number or by the same person one loses (write
 * conflict or duplicate key) and runs again, now seeing the winner's guard (CONFLICT) or, for the
 * same request key, answering the winner's application.
 *
 * Updates are version-checked without a transaction: `where({ _id, version }).update(…)` changes
 * the document only if nobody changed it since it was read, and `stats.updated` (node-sdk:
 * `updated`) says whether it did; 0 → CONFLICT. Every update raises the version, so a successful
 * update always modifies the document (MongoDB counts unmodified matches as 0). The nested record
 * is flattened by the SDK to dotted paths, which replaces every field (all are always present).
 *
 * The personal-data purge is one conditional multi-document update (`purged: false` in the
 * condition, so a second run changes nothing) that clears the ciphers, the masked values and the
 * free texts; the keyed hash stays for duplicate detection, the name and scores for the public
 * result list.
 *
 * Appointing a head changes the station's contact person. `stationsForAppointments` writes just
 * that (no search token depends on it), so the functions that appoint (`notices`, `scheduler`)
 * need not carry the pinyin dictionary that full station writes require.
 *
 * Queries page internally with `limit(≤ 100)`. Any SDK failure (a rejection, or node-sdk's
 * `{ code, message }` answer) becomes AppError('UNAVAILABLE'). `db` is passed in; this module never
 * loads an SDK.
 */
import type { Notice, Objection } from '../../core/notice/model';
import type { NoticeRepository, RecruitmentRepository, StationContactWriter, StationRepository } from '../../core/ports';
import { applicationPurge, duplicateApplication, type Application, type Post, type ReviewScore, type TrainingRecord } from '../../core/recruitment/model';
import { anyOf, by, context, hashedId, insertDoc, recordCollection, request, requestKeys, txAdd, txGet, updateWhere, versionedCollection, type CbDb, type StoreOptions } from './sdk';
import { COLLECTIONS as STATION_COLLECTIONS, createCloudbaseStationRepository, revisionOf } from './stations';

export const RECRUITMENT_COLLECTIONS = {
  posts: 'posts',
  applications: 'applications',
  requests: 'application_requests',
  training: 'training_records',
  notices: 'notices',
  objections: 'objections',
} as const;

// ---------------------------------------------------------------------------------------------
// Stored shapes (besides `_id`)

type StoredScore = Omit<ReviewScore, 'byCriterion'> & { byCriterion: { c: string; v: number }[] };
type StoredApplication = Omit<Application, 'scores'> & { scores: StoredScore[] };

interface RequestDoc {
  kind: 'request' | 'id' | 'applicant';
  applicationId: string;
  postId: string;
}

export const applicationRequestDocId = (requestKey: string) => hashedId('rk', requestKey);
export const applicationIdGuardDocId = (postId: string, idHash: string) => hashedId('ih', postId, idHash);
export const applicationApplicantGuardDocId = (postId: string, openid: string) => hashedId('ap', postId, openid);

// ---------------------------------------------------------------------------------------------
// Record ↔ document

export function toPostDoc(p: Post) {
  return { post: p, status: p.status, version: p.version, createdAt: p.createdAt, regionCodes: [...new Set(p.regionCodes)] };
}
export type PostDoc = ReturnType<typeof toPostDoc>;

export function toApplicationDoc(a: Application) {
  const stored: StoredApplication = {
    ...a,
    scores: a.scores.map((s) => ({ reviewerOpenid: s.reviewerOpenid, at: s.at, byCriterion: Object.entries(s.byCriterion).map(([c, v]) => ({ c, v })) })),
  };
  return {
    application: stored,
    postId: a.postId,
    applicant: a.applicantOpenid,
    idHash: a.idHash,
    status: a.status,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    version: a.version,
    purged: a.purgedAt !== null,
  };
}
export type ApplicationDoc = ReturnType<typeof toApplicationDoc>;

function fromApplicationDoc(d: ApplicationDoc): Application {
  const a = d.application;
  return {
    ...a,
    scores: a.scores.map((s) => {
      // A Map, not an object literal, while building: a criterion may be called "__proto__".
      const byCriterion = Object.fromEntries(new Map(s.byCriterion.map(({ c, v }) => [c, v])));
      return { reviewerOpenid: s.reviewerOpenid, byCriterion, at: s.at };
    }),
  };
}

export function toNoticeDoc(n: Notice) {
  return { notice: n, status: n.status, endsOn: n.endsOn, publishedAt: n.publishedAt, regionCodes: [...new Set(n.regionCodes)], version: n.version };
}
export type NoticeDoc = ReturnType<typeof toNoticeDoc>;

export function toObjectionDoc(o: Objection) {
  return { objection: o, noticeId: o.noticeId, createdAt: o.createdAt, version: o.version };
}
export type ObjectionDoc = ReturnType<typeof toObjectionDoc>;

const toTrainingDoc = (t: TrainingRecord) => ({ record: t, stationId: t.stationId, headOpenid: t.headOpenid, date: t.date });

// ---------------------------------------------------------------------------------------------
// Posts, applications, training records

export function createCloudbaseRecruitmentRepository(db: CbDb, options: StoreOptions = {}): RecruitmentRepository {
  const ctx = context(db, RECRUITMENT_COLLECTIONS, options);
  const { _, names } = ctx;
  const posts = versionedCollection(ctx, names.posts, { toDoc: toPostDoc, fromDoc: (d: PostDoc) => d.post, what: '岗位' });
  const applications = versionedCollection(ctx, names.applications, { toDoc: toApplicationDoc, fromDoc: fromApplicationDoc, what: '报名' });
  const training = recordCollection(ctx, names.training, { fromDoc: (d: ReturnType<typeof toTrainingDoc>) => d.record });
  const requests = requestKeys<RequestDoc, ApplicationDoc, { application: Application }>(ctx, {
    requests: names.requests,
    records: names.applications,
    idOf: (r) => r.applicationId,
    missing: 'application request key without its application',
    answer: ({ doc }) => ({ application: fromApplicationDoc(doc) }),
  });

  return {
    insertPost: posts.insert,
    getPost: posts.get,
    updatePost: posts.update,

    listPosts: (q) => posts.find({ anyOf: { status: q.statuses, regionCodes: q.regionCodes }, order: by('createdAt', 'desc', 'asc') }, q),

    async insertApplication(a, requestKey) {
      const key = applicationRequestDocId(requestKey);
      const idGuard = applicationIdGuardDocId(a.postId, a.idHash);
      const applicantGuard = applicationApplicantGuardDocId(a.postId, a.applicantOpenid);
      // A concurrent insert with the same request key may have won: `once` answers its application.
      return requests.once(key, async (tx) => {
        if (await txGet(ctx, tx, names.requests, idGuard)) throw duplicateApplication('idNumber');
        if (await txGet(ctx, tx, names.requests, applicantGuard)) throw duplicateApplication('applicant');
        await txAdd(ctx, tx, names.applications, a.id, toApplicationDoc(a));
        for (const [id, kind] of [[idGuard, 'id'], [applicantGuard, 'applicant'], [key, 'request']] as const) {
          await txAdd(ctx, tx, names.requests, id, { kind, applicationId: a.id, postId: a.postId } satisfies RequestDoc);
        }
        return { application: a, created: true };
      });
    },

    getApplication: applications.get,
    updateApplication: applications.update,

    listApplications: (q) => applications.find({ where: { postId: q.postId, applicant: q.applicantOpenid }, anyOf: { status: q.statuses }, order: by('createdAt', 'asc') }, q),

    async purgePersonalData(statuses, before, at) {
      if (!statuses.length) return 0;
      // A nested object in update() sets only the fields it names.
      return updateWhere(ctx, applications.coll().where({ status: anyOf(ctx, statuses), updatedAt: _.lt(before), purged: false }), { purged: true, application: applicationPurge(at) });
    },

    insertTraining: (t) => insertDoc(ctx, names.training, t.id, toTrainingDoc(t)),

    listTraining: (q) => training.findAll({ where: { headOpenid: q.headOpenid }, anyOf: { stationId: q.stationIds }, order: by('date', 'asc') }),
  };
}

// ---------------------------------------------------------------------------------------------
// Notices and objections

export function createCloudbaseNoticeRepository(db: CbDb, options: StoreOptions = {}): NoticeRepository {
  const ctx = context(db, RECRUITMENT_COLLECTIONS, options);
  const { _, names } = ctx;
  const notices = versionedCollection(ctx, names.notices, { toDoc: toNoticeDoc, fromDoc: (d: NoticeDoc) => d.notice, what: '公示' });
  const objections = versionedCollection(ctx, names.objections, { toDoc: toObjectionDoc, fromDoc: (d: ObjectionDoc) => d.objection, what: '异议' });
  return {
    insert: notices.insert,
    get: notices.get,
    update: notices.update,

    list: (q) => notices.find({ where: { status: q.status }, anyOf: { regionCodes: q.regionCodes }, order: by('publishedAt', 'desc', 'asc') }, q),
    ended: (today, limit) => notices.findAll({ where: { status: 'open', endsOn: _.lt(today) }, order: by('endsOn', 'asc') }, limit),

    insertObjection: objections.insert,
    getObjection: objections.get,
    updateObjection: objections.update,
    listObjections: (noticeId) => objections.findAll({ where: { noticeId }, order: by('createdAt', 'asc') }),
  };
}

/**
 * Stations as appointments use them in the cloud: reads as usual, and the contact person written
 * with one conditional update and a new `rev` (so containers re-read it); nothing for a station that
 * does not exist. Full station writes,
 * which need pinyin tokens, stay with createCloudbaseStationRepository.
 */
export function stationsForAppointments(db: CbDb, options: StoreOptions = {}): Pick<StationRepository, 'get'> & StationContactWriter {
  const ctx = context(db, STATION_COLLECTIONS, options);
  const base = createCloudbaseStationRepository(db, options);
  const name = ctx.names.stations;
  return {
    get: (id) => base.get(id),
    async setContactPerson(stationId, personName, at) {
      // A nested object in update() sets only the fields it names; a new rev makes every container re-read the record.
      await request(() => ctx.coll(name).where({ _id: stationId }).update(ctx.arg({ station: { contact: { personName }, updatedAt: at }, rev: revisionOf(`${stationId} ${at} ${personName}`) })));
    },
  };
}
