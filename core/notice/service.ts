/**
 * Public notices (公示) and real-name objections: publishing the selected candidate of a post for
 * at least 5 working days, objections during it, resolving them, and closing notices whose period
 * ended. The outcome of an appointment notice (core/notice/model.ts appointmentChange) appoints the
 * candidate as the station's head or returns the post to review.
 */
import { bootstrapAdmins } from '../account/service';
import { createAccess } from '../authz/access';
import { screenText } from '../content/policy';
import { WorkCalendar } from '../calendar/workdays';
import type {
  AuditRepository,
  CalendarRepository,
  Cipher,
  Clock,
  ContentSecurity,
  IdSource,
  NoticeRepository,
  RecruitmentRepository,
  RoleRepository,
  StationContactWriter,
  StationRepository,
} from '../ports';
import type * as api from '../recruitment/api';
import type { CertificationRepository } from '../station/certification';
import { applyCertificationOutcome } from '../station/certification-desk';
import { ageOn, birthDateOf } from '../recruitment/idcard';
import { GENDER_LABELS, recruitmentRecords } from '../recruitment/service';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { AppError, staleConflict } from '../shared/errors';
import { maskPhone } from '../shared/mask';
import { toShanghai } from '../shared/time';
import type { z } from '../shared/zod';
import { appointmentChange, closedNotice, noticePeriodProblem, noticeRunning, OBJECTION_LABELS, openNotice, outcomeOf, type Notice, type Objection } from './model';

type In<S extends z.ZodMiniType> = z.infer<S>;

export interface NoticeDeps {
  notices: NoticeRepository;
  recruitment: RecruitmentRepository;
  /** Reads, and the contact person an appointment writes. */
  stations: Pick<StationRepository, 'get'> & StationContactWriter & Partial<Pick<StationRepository, 'upsertMany'>>;
  /** Certification notices (core/station/certification-desk.ts): the outcome certifies the station or sends it back. */
  certifications?: CertificationRepository;
  roles: RoleRepository;
  audit: AuditRepository;
  calendars: CalendarRepository;
  content: ContentSecurity;
  cipher: Cipher;
  ids: IdSource;
  clock: Clock;
}

const objectionNotFound = () => new AppError('NOT_FOUND', '没有找到这条异议');

const OUTCOME_LABELS: Record<NonNullable<Notice['outcome']>, string> = {
  approved: '公示期满无异议，已任用',
  stopped: '异议成立，停止任用',
  suspended: '异议尚在核查，暂缓任用',
};

const CERTIFICATION_OUTCOME_LABELS: Record<NonNullable<Notice['outcome']>, string> = {
  approved: '公示期满无异议，已认定',
  stopped: '异议成立，认定中止',
  suspended: '异议尚在核查，暂缓认定',
};

export function createNoticeService(deps: NoticeDeps) {
  const { notices, recruitment, stations, roles, calendars, content, cipher, ids, clock } = deps;
  const access = createAccess(deps);
  const { actorOf, permit } = access;
  const { loadApplication, postToMove } = recruitmentRecords(recruitment, access);
  const today = () => toShanghai(clock.now()).date;

  async function loadNotice(id: string): Promise<Notice> {
    const n = await notices.get(id);
    if (!n) throw new AppError('NOT_FOUND', '没有找到这个公示', { id: '公示不存在' });
    return n;
  }

  /** Revoke every other active station_head binding of the station (idempotent: none left on a re-run). */
  async function revokePreviousHeads(stationId: string, newHead: string, by: string): Promise<void> {
    const previous = [];
    for (let offset = 0; ; offset += 200) {
      const page = await roles.list({ offset, limit: 200 });
      previous.push(...page.items.filter((b) => b.role === 'station_head' && b.scope.kind === 'station' && b.scope.stationId === stationId && b.openid !== newHead && !b.revokedAt));
      if (!page.hasMore) break;
    }
    for (const b of previous) {
      const at = clock.now().toISOString();
      if (!(await roles.revoke(b.id, by, at))) continue;
      await access.record({ actorOpenid: null, action: 'role.revoke', outcome: 'done', resource: `binding:${b.id}`, detail: `${by}: station_head station ${stationId} replaced by the appointed head`, at });
    }
  }

  /** Apply the outcome of a closed appointment notice. Idempotent: each step checks state first. */
  async function applyAppointmentOutcome(n: Notice): Promise<void> {
    const app = await recruitment.getApplication(n.subjectId);
    if (!app) return;
    const post = await recruitment.getPost(app.postId);
    if (!post) return;
    const at = clock.now().toISOString();
    const change = appointmentChange(n, app, post, at);
    if (!change) return;
    if (change.application) await recruitment.updateApplication(change.application.next, change.application.expectedVersion);
    if (change.post) await recruitment.updatePost(change.post.next, change.post.expectedVersion);
    if (change.head) {
      const { stationId, openid, name } = change.head;
      await bootstrapAdmins(deps, [{ openid, role: 'station_head', scope: { kind: 'station', stationId } }], `notice:${n.id}`);
      // The appointed head replaces the previous one: their access to the station ends (audited).
      await revokePreviousHeads(stationId, openid, `notice:${n.id}`);
      const station = await stations.get(stationId);
      if (station && station.contact.personName !== name) await stations.setContactPerson(stationId, name, at);
    }
  }

  /** Certify the station, or send its application back to the county (idempotent). */
  async function applyCertification(n: Notice): Promise<void> {
    const { certifications } = deps;
    const upsertMany = stations.upsertMany;
    if (n.kind !== 'certification' || !certifications || !upsertMany) return;
    await applyCertificationOutcome({ ...deps, certifications, stations: { get: (id) => stations.get(id), upsertMany: (list) => upsertMany.call(stations, list) } }, n);
  }

  async function closeNotice(n: Notice, outcome: Notice['outcome']): Promise<Notice> {
    const { next, expectedVersion } = closedNotice(n, outcome, clock.now().toISOString());
    await notices.update(next, expectedVersion);
    await access.record({ actorOpenid: null, action: 'notice.close', outcome: 'done', resource: `notice:${n.id}`, detail: outcome ?? '', at: next.closedAt as string });
    if (n.kind === 'appointment') await applyAppointmentOutcome(next);
    else await applyCertification(next);
    return next;
  }

  function noticeView(n: Notice, objectionCount?: number) {
    return {
      id: n.id,
      kind: n.kind,
      title: n.title,
      facts: n.facts,
      body: n.body,
      startsOn: n.startsOn,
      endsOn: n.endsOn,
      objectionChannel: n.objectionChannel,
      status: n.status,
      running: n.status === 'open' && noticeRunning(n, clock.now()),
      outcome: n.outcome,
      outcomeLabel: n.outcome ? (n.kind === 'certification' ? CERTIFICATION_OUTCOME_LABELS : OUTCOME_LABELS)[n.outcome] : null,
      // A certification notice is about a station (public); an appointment's subject is an application (not).
      ...(n.kind === 'certification' ? { subjectId: n.subjectId } : {}),
      ...(objectionCount !== undefined ? { objections: objectionCount } : {}),
    };
  }

  return {
    async notices(input: In<typeof api.noticesInput>) {
      const offset = decodeCursor(input.cursor, `notices:${input.status ?? ''}`);
      const lim = input.limit ?? 20;
      const page = await notices.list({ status: input.status, offset, limit: lim });
      return { items: page.items.map((n) => noticeView(n)), nextCursor: page.hasMore ? encodeCursor(offset + lim, `notices:${input.status ?? ''}`) : null };
    },

    async notice(input: In<typeof api.noticeInput>) {
      const n = await loadNotice(input.id);
      return noticeView(n, (await notices.listObjections(n.id)).length);
    },

    async publish(openid: string | null, input: In<typeof api.publishInput>) {
      const actor = await actorOf(openid);
      const p = await postToMove(actor, 'notice.manage', input.postId, input.version, 'startNotice');
      if (!p.selectedApplicationId) throw new AppError('CONFLICT', '请先确定拟任用人选');
      const problem = noticePeriodProblem(input.startsOn, input.endsOn, today(), new WorkCalendar(await calendars.adminYears()));
      if (problem) throw new AppError('VALIDATION_ERROR', problem.message, { [problem.field]: problem.fieldMessage });
      const a = await loadApplication(p.selectedApplicationId);
      // Age on the first day from the birth date in the ID number (not the year difference).
      const birthDate = a.idCipher ? birthDateOf(cipher.decrypt(a.idCipher)) : null;
      if (!birthDate) throw new AppError('CONFLICT', '拟任用人选的身份信息已不完整，无法公示年龄');
      const at = clock.now().toISOString();
      const n = openNotice(
        {
          id: ids.id(),
          kind: 'appointment',
          subjectId: a.id,
          title: `${p.stationName ?? p.villageName ?? ''}负责人拟任用人选公示`,
          facts: [
            { label: '姓名', value: a.name },
            { label: '性别', value: GENDER_LABELS[a.gender] },
            { label: '年龄', value: `${ageOn(birthDate, input.startsOn)} 岁` },
            { label: '所在村', value: a.villageName },
            { label: '拟任岗位', value: p.title },
          ],
          body: `经自主报名、公开比选，拟任用以上人选。公示期内如有异议，请实名提出。`,
          regionCodes: p.regionCodes,
        },
        input,
        actor.openid,
        at,
      );
      await notices.insert(n);
      await recruitment.updatePost({ ...p, status: 'notice', noticeId: n.id, updatedAt: at, version: p.version + 1 }, p.version);
      // Periods over years without holiday data are refused above, so the count is never provisional.
      return { ...noticeView(n, 0), provisional: false };
    },

    async object(openid: string | null, input: In<typeof api.objectInput>) {
      const actor = await actorOf(openid);
      const n = await loadNotice(input.noticeId);
      if (n.status !== 'open' || !noticeRunning(n, clock.now())) throw new AppError('CONFLICT', `只能在公示期内（${n.startsOn} 至 ${n.endsOn}）提出异议`, { noticeId: '不在公示期内' });
      // core/content/policy.ts: read only by officials; a checker outage must not cost the right to object.
      await screenText(content, 'objection', input.text, actor.openid);
      const at = clock.now().toISOString();
      const o: Objection = {
        id: ids.id(),
        noticeId: n.id,
        objectorOpenid: actor.openid,
        realName: input.realName,
        phoneCipher: cipher.encrypt(input.phone),
        phoneMasked: maskPhone(input.phone) as string,
        text: input.text,
        status: 'received',
        response: null,
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      await notices.insertObjection(o);
      return { id: o.id, status: o.status, statusLabel: OBJECTION_LABELS[o.status], createdAt: at };
    },

    async objections(openid: string | null, input: In<typeof api.objectionsInput>) {
      const actor = await actorOf(openid);
      const n = await loadNotice(input.noticeId);
      await permit(actor, 'notice.manage', { regionCodes: n.regionCodes }, `notice:${n.id}`);
      return (await notices.listObjections(n.id)).map((o) => ({ id: o.id, version: o.version, realName: o.realName, phoneMasked: o.phoneMasked, text: o.text, status: o.status, statusLabel: OBJECTION_LABELS[o.status], response: o.response, createdAt: o.createdAt }));
    },

    async resolve(openid: string | null, input: In<typeof api.resolveInput>) {
      const actor = await actorOf(openid);
      const o = await notices.getObjection(input.objectionId);
      if (!o) throw objectionNotFound();
      const n = await loadNotice(o.noticeId);
      // Objections are not public: refused on one, an outsider gets the answer of a missing one.
      await permit(actor, 'notice.manage', { regionCodes: n.regionCodes }, `objection:${o.id}`, objectionNotFound);
      if (o.status === 'upheld' || o.status === 'dismissed') throw new AppError('CONFLICT', '这条异议已经处理完毕');
      if (o.version !== input.version) throw staleConflict('异议');
      if (input.status !== 'investigating' && !input.response) throw new AppError('VALIDATION_ERROR', '请填写给异议人的答复', { response: '必填' });
      const at = clock.now().toISOString();
      await notices.updateObjection({ ...o, status: input.status, response: input.response ?? o.response, updatedAt: at, version: o.version + 1 }, o.version);
      await access.record({ actorOpenid: actor.openid, action: 'objection.resolve', outcome: 'done', resource: `objection:${o.id}`, detail: input.status, at });
      const current = await loadNotice(n.id);
      const all = await notices.listObjections(n.id);
      // An upheld objection stops the appointment at once; a suspended notice resumes when all are resolved.
      if (current.status === 'open' && input.status === 'upheld') await closeNotice(current, 'stopped');
      else if (current.status === 'closed' && current.outcome === 'suspended' && outcomeOf(all) !== 'suspended') {
        // Still closed; the outcome the objections now give replaces "suspended".
        const next: Notice = { ...current, outcome: outcomeOf(all), version: current.version + 1 };
        await notices.update(next, current.version);
        if (next.kind === 'appointment') await applyAppointmentOutcome(next);
        else await applyCertification(next);
      }
      return { id: o.id, status: input.status, statusLabel: OBJECTION_LABELS[input.status] };
    },

    /** Scheduler job: close notices whose period ended and apply the outcome. Safe to run twice. */
    async closeEndedNotices(): Promise<{ closed: number; reconciled: number }> {
      let closed = 0;
      for (const n of await notices.ended(today(), 100)) {
        try {
          await closeNotice(n, outcomeOf(await notices.listObjections(n.id)));
          closed++;
        } catch (err) {
          if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
        }
      }
      // Finish what a crash between closing a notice and applying its outcome left undone:
      // posts still "on notice" whose notice is already closed.
      let reconciled = 0;
      for (const p of (await recruitment.listPosts({ statuses: ['notice'], offset: 0, limit: 100 })).items) {
        const n = p.noticeId ? await notices.get(p.noticeId) : null;
        if (n && n.status === 'closed' && n.kind === 'appointment' && (n.outcome === 'approved' || n.outcome === 'stopped')) {
          await applyAppointmentOutcome(n);
          reconciled++;
        }
      }
      // The same for certification applications still "on notice" whose notice closed.
      if (deps.certifications) {
        for (const a of (await deps.certifications.list({ states: ['notice'], offset: 0, limit: 100 })).items) {
          const n = a.noticeId ? await notices.get(a.noticeId) : null;
          if (n && n.status === 'closed' && (n.outcome === 'approved' || n.outcome === 'stopped')) {
            await applyCertification(n);
            reconciled++;
          }
        }
      }
      return { closed, reconciled };
    },
  };
}

export type NoticeService = ReturnType<typeof createNoticeService>;
