/** SQLite repositories for recruitment posts, applications, training records, notices and objections. */
import type { Notice, Objection } from '../../core/notice/model';
import type { NoticeRepository, RecruitmentRepository } from '../../core/ports';
import type { Application, Post, TrainingRecord } from '../../core/recruitment/model';
import { AppError, staleConflict } from '../../core/shared/errors';
import { guarded, type Db } from './db';
import { docOf, docsOf, Filter, marks, pageOf } from './sql';

export function createSqliteRecruitmentRepository(db: Db): RecruitmentRepository {
  const insertPost = db.prepare('INSERT INTO posts (id, status, created_at, version, doc) VALUES (?, ?, ?, ?, ?)');
  const insertPostRegion = db.prepare('INSERT INTO post_regions (code, post_id) VALUES (?, ?)');
  const getPost = db.prepare('SELECT doc FROM posts WHERE id = ?').pluck();
  const updatePost = db.prepare('UPDATE posts SET status = ?, version = ?, doc = ? WHERE id = ? AND version = ?');
  const insertApp = db.prepare('INSERT INTO applications (id, post_id, applicant, id_hash, status, created_at, updated_at, version, doc) VALUES (@id, @postId, @applicantOpenid, @idHash, @status, @createdAt, @updatedAt, @version, @doc)');
  const findRequest = db.prepare('SELECT application_id FROM application_requests WHERE request_key = ?').pluck();
  const insertRequest = db.prepare('INSERT INTO application_requests (request_key, application_id) VALUES (?, ?)');
  const dupHash = db.prepare('SELECT 1 FROM applications WHERE post_id = ? AND id_hash = ?').pluck();
  const dupApplicant = db.prepare('SELECT 1 FROM applications WHERE post_id = ? AND applicant = ?').pluck();
  const getApp = db.prepare('SELECT doc FROM applications WHERE id = ?').pluck();
  const updateApp = db.prepare('UPDATE applications SET status = ?, updated_at = ?, version = ?, doc = ? WHERE id = ? AND version = ?');
  const insertTraining = db.prepare('INSERT INTO training_records (id, station_id, head, date, doc) VALUES (?, ?, ?, ?, ?)');

  const addPost = db.transaction((p: Post) => {
    insertPost.run(p.id, p.status, p.createdAt, p.version, JSON.stringify(p));
    for (const code of p.regionCodes) insertPostRegion.run(code, p.id);
  });

  const addApplication = db.transaction((a: Application, requestKey: string) => {
    const existing = findRequest.get(requestKey) as string | undefined;
    if (existing) return { application: JSON.parse(getApp.get(existing) as string) as Application, created: false };
    if (dupHash.get(a.postId, a.idHash)) throw new AppError('CONFLICT', '这个身份证号已经报名过这个岗位', { idNumber: '已报名' });
    if (dupApplicant.get(a.postId, a.applicantOpenid)) throw new AppError('CONFLICT', '您已经报名过这个岗位', { postId: '已报名' });
    insertApp.run({ ...a, doc: JSON.stringify(a) });
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
      const purged: Application = { ...a, idCipher: null, phoneCipher: null, idMasked: '已清除', phoneMasked: '已清除', skills: '', productExperience: '', statement: '', purgedAt: at };
      db.prepare('UPDATE applications SET doc = ? WHERE id = ?').run(JSON.stringify(purged), id);
      n++;
    }
    return n;
  });

  return {
    insertPost: (p) => guarded(() => addPost(p)),
    getPost: (id) => guarded(() => docOf<Post>(getPost.get(id))),
    updatePost: (next, expected) =>
      guarded(() => {
        if (updatePost.run(next.status, next.version, JSON.stringify(next), next.id, expected).changes === 0) throw staleConflict('岗位');
      }),
    listPosts: (q) =>
      guarded(() => {
        const f = new Filter().in((l) => `status IN (${l})`, q.statuses).in((l) => `id IN (SELECT post_id FROM post_regions WHERE code IN (${l}))`, q.regionCodes);
        const rows = db.prepare(`SELECT doc FROM posts${f.sql} ORDER BY created_at DESC, id LIMIT ? OFFSET ?`).pluck().all(...f.params, q.limit + 1, q.offset) as string[];
        return pageOf(docsOf<Post>(rows), q.limit);
      }),
    insertApplication: (a, key) => guarded(() => addApplication(a, key)),
    getApplication: (id) => guarded(() => docOf<Application>(getApp.get(id))),
    updateApplication: (next, expected) =>
      guarded(() => {
        if (updateApp.run(next.status, next.updatedAt, next.version, JSON.stringify(next), next.id, expected).changes === 0) throw staleConflict('报名');
      }),
    listApplications: (q) =>
      guarded(() => {
        const f = new Filter().eq('post_id = ?', q.postId).eq('applicant = ?', q.applicantOpenid).in((l) => `status IN (${l})`, q.statuses);
        const rows = db.prepare(`SELECT doc FROM applications${f.sql} ORDER BY created_at, id LIMIT ? OFFSET ?`).pluck().all(...f.params, q.limit + 1, q.offset) as string[];
        return pageOf(docsOf<Application>(rows), q.limit);
      }),
    purgePersonalData: (statuses, before, at) => guarded(() => purge(statuses, before, at)),
    insertTraining: (t) => guarded(() => void insertTraining.run(t.id, t.stationId, t.headOpenid, t.date, JSON.stringify(t))),
    listTraining: (q) =>
      guarded(() => {
        const f = new Filter().in((l) => `station_id IN (${l})`, q.stationIds).eq('head = ?', q.headOpenid);
        return docsOf<TrainingRecord>(db.prepare(`SELECT doc FROM training_records${f.sql} ORDER BY date`).pluck().all(...f.params));
      }),
  };
}

export function createSqliteNoticeRepository(db: Db): NoticeRepository {
  const insert = db.prepare('INSERT INTO notices (id, status, ends_on, published_at, version, doc) VALUES (?, ?, ?, ?, ?, ?)');
  const insertRegion = db.prepare('INSERT INTO notice_regions (code, notice_id) VALUES (?, ?)');
  const get = db.prepare('SELECT doc FROM notices WHERE id = ?').pluck();
  const update = db.prepare('UPDATE notices SET status = ?, ends_on = ?, version = ?, doc = ? WHERE id = ? AND version = ?');
  const ended = db.prepare("SELECT doc FROM notices WHERE status = 'open' AND ends_on < ? ORDER BY ends_on LIMIT ?").pluck();
  const insertObjection = db.prepare('INSERT INTO objections (id, notice_id, created_at, version, doc) VALUES (?, ?, ?, ?, ?)');
  const getObjection = db.prepare('SELECT doc FROM objections WHERE id = ?').pluck();
  const updateObjection = db.prepare('UPDATE objections SET version = ?, doc = ? WHERE id = ? AND version = ?');
  const listObjections = db.prepare('SELECT doc FROM objections WHERE notice_id = ? ORDER BY created_at, id').pluck();
  const add = db.transaction((n: Notice) => {
    insert.run(n.id, n.status, n.endsOn, n.publishedAt, n.version, JSON.stringify(n));
    for (const code of n.regionCodes) insertRegion.run(code, n.id);
  });
  return {
    insert: (n) => guarded(() => add(n)),
    get: (id) => guarded(() => docOf<Notice>(get.get(id))),
    update: (next, expected) =>
      guarded(() => {
        if (update.run(next.status, next.endsOn, next.version, JSON.stringify(next), next.id, expected).changes === 0) throw staleConflict('公示');
      }),
    list: (q) =>
      guarded(() => {
        const f = new Filter().eq('status = ?', q.status).in((l) => `id IN (SELECT notice_id FROM notice_regions WHERE code IN (${l}))`, q.regionCodes);
        const rows = db.prepare(`SELECT doc FROM notices${f.sql} ORDER BY published_at DESC, id LIMIT ? OFFSET ?`).pluck().all(...f.params, q.limit + 1, q.offset) as string[];
        return pageOf(docsOf<Notice>(rows), q.limit);
      }),
    ended: (today, limit) => guarded(() => docsOf<Notice>(ended.all(today, limit))),
    insertObjection: (o) => guarded(() => void insertObjection.run(o.id, o.noticeId, o.createdAt, o.version, JSON.stringify(o))),
    getObjection: (id) => guarded(() => docOf<Objection>(getObjection.get(id))),
    updateObjection: (next, expected) =>
      guarded(() => {
        if (updateObjection.run(next.version, JSON.stringify(next), next.id, expected).changes === 0) throw staleConflict('异议');
      }),
    listObjections: (noticeId) => guarded(() => docsOf<Objection>(listObjections.all(noticeId))),
  };
}
