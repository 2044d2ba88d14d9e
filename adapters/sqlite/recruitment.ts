/** SQLite repositories for recruitment posts, applications, training records, notices and objections. */
import type { Notice, Objection } from '../../core/notice/model';
import type { NoticeRepository, RecruitmentRepository } from '../../core/ports';
import { applicationPurge, duplicateApplication, type Application, type Post, type TrainingRecord } from '../../core/recruitment/model';
import { guarded, type Db } from './db';
import { docsOf, docTable, Filter, listedUnder, marks } from './sql';

export function createSqliteRecruitmentRepository(db: Db): RecruitmentRepository {
  const posts = docTable<Post>(db, {
    table: 'posts',
    columns: { status: (p) => p.status, created_at: (p) => p.createdAt, version: (p) => p.version },
    updates: ['status', 'version'],
    side: { sql: 'INSERT INTO post_regions (code, post_id) VALUES (?, ?)', rows: (p) => p.regionCodes.map((code) => [code, p.id]) },
    what: '岗位',
  });
  const applications = docTable<Application>(db, {
    table: 'applications',
    columns: { post_id: (a) => a.postId, applicant: (a) => a.applicantOpenid, id_hash: (a) => a.idHash, status: (a) => a.status, created_at: (a) => a.createdAt, updated_at: (a) => a.updatedAt, version: (a) => a.version },
    updates: ['status', 'updated_at', 'version'],
    what: '报名',
  });
  const training = docTable<TrainingRecord>(db, { table: 'training_records', columns: { station_id: (t) => t.stationId, head: (t) => t.headOpenid, date: (t) => t.date } });
  const findRequest = db.prepare('SELECT application_id FROM application_requests WHERE request_key = ?').pluck();
  const insertRequest = db.prepare('INSERT INTO application_requests (request_key, application_id) VALUES (?, ?)');
  const dupHash = db.prepare('SELECT 1 FROM applications WHERE post_id = ? AND id_hash = ?').pluck();
  const dupApplicant = db.prepare('SELECT 1 FROM applications WHERE post_id = ? AND applicant = ?').pluck();
  const getApp = db.prepare('SELECT doc FROM applications WHERE id = ?').pluck();

  const addApplication = db.transaction((a: Application, requestKey: string) => {
    const existing = findRequest.get(requestKey) as string | undefined;
    if (existing) return { application: JSON.parse(getApp.get(existing) as string) as Application, created: false };
    if (dupHash.get(a.postId, a.idHash)) throw duplicateApplication('idNumber');
    if (dupApplicant.get(a.postId, a.applicantOpenid)) throw duplicateApplication('applicant');
    applications.add(a);
    insertRequest.run(requestKey, a.id);
    return { application: a, created: true };
  });

  const purge = db.transaction((statuses: readonly string[], before: string, at: string) => {
    const rows = db.prepare(`SELECT id, doc FROM applications WHERE status IN (${marks(statuses.length)}) AND updated_at < ?`).raw().all(...statuses, before) as [string, string][];
    let n = 0;
    for (const [id, doc] of rows) {
      const a = JSON.parse(doc) as Application;
      if (a.purgedAt) continue;
      // Keep what the public result list and statistics need; drop everything that identifies a person.
      const purged: Application = { ...a, ...applicationPurge(at) };
      db.prepare('UPDATE applications SET doc = ? WHERE id = ?').run(JSON.stringify(purged), id);
      n++;
    }
    return n;
  });

  return {
    insertPost: posts.insert,
    getPost: posts.get,
    updatePost: posts.update,
    listPosts: (q) => posts.page(new Filter().in((l) => `status IN (${l})`, q.statuses).in(listedUnder('post_regions', 'post_id'), q.regionCodes), 'created_at DESC, id', q),
    insertApplication: (a, key) => guarded(() => addApplication(a, key)),
    getApplication: applications.get,
    updateApplication: applications.update,
    listApplications: (q) => applications.page(new Filter().eq('post_id = ?', q.postId).eq('applicant = ?', q.applicantOpenid).in((l) => `status IN (${l})`, q.statuses), 'created_at, id', q),
    purgePersonalData: (statuses, before, at) => guarded(() => purge(statuses, before, at)),
    insertTraining: training.insert,
    listTraining: (q) =>
      guarded(() => {
        const f = new Filter().in((l) => `station_id IN (${l})`, q.stationIds).eq('head = ?', q.headOpenid);
        return docsOf<TrainingRecord>(db.prepare(`SELECT doc FROM training_records${f.sql} ORDER BY date`).pluck().all(...f.params));
      }),
  };
}

export function createSqliteNoticeRepository(db: Db): NoticeRepository {
  const notices = docTable<Notice>(db, {
    table: 'notices',
    columns: { status: (n) => n.status, ends_on: (n) => n.endsOn, published_at: (n) => n.publishedAt, version: (n) => n.version },
    updates: ['status', 'ends_on', 'version'],
    side: { sql: 'INSERT INTO notice_regions (code, notice_id) VALUES (?, ?)', rows: (n) => n.regionCodes.map((code) => [code, n.id]) },
    what: '公示',
  });
  const objections = docTable<Objection>(db, { table: 'objections', columns: { notice_id: (o) => o.noticeId, created_at: (o) => o.createdAt, version: (o) => o.version }, updates: ['version'], what: '异议' });
  const ended = db.prepare("SELECT doc FROM notices WHERE status = 'open' AND ends_on < ? ORDER BY ends_on LIMIT ?").pluck();
  const listObjections = db.prepare('SELECT doc FROM objections WHERE notice_id = ? ORDER BY created_at, id').pluck();
  return {
    insert: notices.insert,
    get: notices.get,
    update: notices.update,
    list: (q) => notices.page(new Filter().eq('status = ?', q.status).in((l) => `id IN (SELECT notice_id FROM notice_regions WHERE code IN (${l}))`, q.regionCodes), 'published_at DESC, id', q),
    ended: (today, limit) => guarded(() => docsOf<Notice>(ended.all(today, limit))),
    insertObjection: objections.insert,
    getObjection: objections.get,
    updateObjection: objections.update,
    listObjections: (noticeId) => guarded(() => docsOf<Objection>(listObjections.all(noticeId))),
  };
}
