/**
 * Photo checks (security.mediaCheckAsync v2). Every complaint photo is checked asynchronously:
 * the request answers a trace id at once; the verdict arrives later (within 30 minutes, WeChat says)
 * as a message-push event `wxa_media_check` to the `mediacheck` cloud function. Until it passes, a
 * photo is shown only to the person who took it (Complaint.photosPending); a photo the checker finds
 * risky or doubtful is removed from the complaint and from storage, and the owner is told in the
 * complaint's timeline. (Same rule as public text, core/content/policy.ts: nothing unchecked shows.)
 */
import type { Complaint, HistoryEntry } from '../complaint/model';
import type { Clock, ComplaintRepository } from '../ports';
import { AppError } from '../shared/errors';

export type MediaVerdict = 'pass' | 'review' | 'risky';

export interface MediaCheckRecord {
  /** WeChat's trace id: the result event carries it. Never shown to clients. */
  traceId: string;
  fileId: string;
  /** The complaint the photo belongs to ('' for a station photo). */
  complaintId: string;
  /**
   * 'station-photo': a photo proposed for a station's public page (core/station/edits-service.ts).
   * Its verdict is only recorded here (a failed photo is deleted from storage); the county's
   * approval reads it and publishes passed photos only.
   * 'complaint-voice': the complaint's voice note (Complaint.voice, core/media/voice.ts).
   * 'entry-voice': a voice note on a timeline entry (补充材料), found by its file id in
   * Complaint.attachedVoices, so the verdict lands on that entry only.
   * 'inspection-photo': a photo of an operator's visit (core/inspection/service.ts). As for station
   * photos, only the verdict is recorded (a failed photo is deleted); readers of the visit, and of a
   * rectification order issued from it, are shown passed photos only.
   * 'rectification-photo': a photo of a station's answer to a rectification order (整改 evidence,
   * core/station/rectification-desk.ts). The same: the verdict is recorded, a failed photo deleted;
   * the county and everyone but the answerer see passed photos only.
   */
  subject?: 'station-photo' | 'complaint-voice' | 'entry-voice' | 'inspection-photo' | 'rectification-photo';
  openid: string;
  requestedAt: string;
  result: MediaVerdict | null;
  decidedAt: string | null;
}

export interface MediaChecker {
  /**
   * Ask for an asynchronous check of a stored photo (or, with `media: 'audio'`, a voice note);
   * returns the trace id of its future result.
   */
  check(fileId: string, ctx: { openid: string; media?: 'image' | 'audio' }): Promise<string>;
  /** Delete a photo that failed the check from storage. */
  discard(fileId: string): Promise<void>;
}

export interface MediaCheckRepository {
  insert(record: MediaCheckRecord): Promise<void>;
  get(traceId: string): Promise<MediaCheckRecord | null>;
  /** Record the verdict once; false when it was already recorded (a repeated push). */
  decide(traceId: string, result: MediaVerdict, at: string): Promise<boolean>;
}

/** The photos others allowed to see the complaint may see: those that passed the check. */
export function visiblePhotos(c: Pick<Complaint, 'photos' | 'photosPending'>): string[] {
  const pending = new Set(c.photosPending ?? []);
  return c.photos.filter((p) => !pending.has(p));
}

/**
 * Ask for a check of every pending photo of a new complaint. A request that fails leaves the photo
 * pending (shown only to its owner): failing closed, never publishing an unchecked photo.
 */
export async function requestPhotoChecks(deps: { mediaChecker: MediaChecker; mediaChecks: MediaCheckRepository; clock: Clock }, c: Complaint): Promise<{ requested: number; failed: number }> {
  return requestChecks(deps, c.id, c.photosPending ?? [], c.complainantOpenid);
}

/**
 * Checks of photos attached to a timeline entry (reply, progress, 补充材料) by `openid`, who alone
 * sees them until they pass. Same failing-closed rule as above.
 */
export async function requestChecks(deps: { mediaChecker: MediaChecker; mediaChecks: MediaCheckRepository; clock: Clock }, complaintId: string, fileIds: readonly string[], openid: string): Promise<{ requested: number; failed: number }> {
  let requested = 0;
  let failed = 0;
  for (const fileId of fileIds) {
    try {
      const traceId = await deps.mediaChecker.check(fileId, { openid });
      await deps.mediaChecks.insert({ traceId, fileId, complaintId, openid, requestedAt: deps.clock.now().toISOString(), result: null, decidedAt: null });
      requested++;
    } catch {
      failed++;
    }
  }
  return { requested, failed };
}

/**
 * Ask for the check of a new complaint's voice note. A request that fails leaves it pending (heard
 * only by its owner), as for photos.
 */
export async function requestVoiceCheck(deps: { mediaChecker: MediaChecker; mediaChecks: MediaCheckRepository; clock: Clock }, c: Complaint): Promise<boolean> {
  if (!c.voice?.pending) return false;
  try {
    const traceId = await deps.mediaChecker.check(c.voice.fileId, { openid: c.complainantOpenid, media: 'audio' });
    await deps.mediaChecks.insert({ traceId, fileId: c.voice.fileId, complaintId: c.id, subject: 'complaint-voice', openid: c.complainantOpenid, requestedAt: deps.clock.now().toISOString(), result: null, decidedAt: null });
    return true;
  } catch {
    return false;
  }
}

/**
 * Ask for the check of a voice note attached to a timeline entry (补充材料) by `openid`, who alone
 * hears it until it passes; a failed request leaves it pending (failing closed).
 */
export async function requestEntryVoiceCheck(
  deps: { mediaChecker: MediaChecker; mediaChecks: MediaCheckRepository; clock: Clock },
  complaintId: string,
  fileId: string,
  openid: string,
): Promise<boolean> {
  try {
    const traceId = await deps.mediaChecker.check(fileId, { openid, media: 'audio' });
    await deps.mediaChecks.insert({ traceId, fileId, complaintId, subject: 'entry-voice', openid, requestedAt: deps.clock.now().toISOString(), result: null, decidedAt: null });
    return true;
  } catch {
    return false;
  }
}

/** The message-push event of an asynchronous check (the fields we use; others are ignored). */
export interface MediaCheckEvent {
  traceId: string;
  verdict: MediaVerdict;
}

/** Parse a `wxa_media_check` push; null when the event is not one. */
export function parseMediaCheckEvent(event: unknown): MediaCheckEvent | null {
  if (!event || typeof event !== 'object') return null;
  const e = event as { MsgType?: unknown; Event?: unknown; trace_id?: unknown; result?: { suggest?: unknown } | null };
  if (e.MsgType !== 'event' || e.Event !== 'wxa_media_check') return null;
  if (typeof e.trace_id !== 'string' || !/^[\w-]{1,128}$/.test(e.trace_id)) return null;
  const suggest = e.result?.suggest;
  if (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky') return null;
  return { traceId: e.trace_id, verdict: suggest };
}

export type MediaCheckOutcome = 'published' | 'removed' | 'unknown' | 'repeated' | 'gone';

const MAX_ATTEMPTS = 4;

/**
 * Apply a verdict: `pass` shows the photo to everyone allowed to see the complaint; `review` or
 * `risky` removes it (storage too) and tells the owner in the timeline. Unknown trace ids (nothing
 * we asked for) and repeated pushes change nothing.
 */
export async function applyMediaCheck(
  deps: { complaints: ComplaintRepository; mediaChecks: MediaCheckRepository; mediaChecker: MediaChecker; clock: Clock },
  e: MediaCheckEvent,
): Promise<MediaCheckOutcome> {
  const record = await deps.mediaChecks.get(e.traceId);
  if (!record) return 'unknown';
  if (record.result) return 'repeated';
  const at = deps.clock.now().toISOString();
  const passed = e.verdict === 'pass';
  if (record.subject === 'station-photo' || record.subject === 'inspection-photo' || record.subject === 'rectification-photo') {
    await deps.mediaChecks.decide(e.traceId, e.verdict, at);
    if (passed) return 'published';
    await deps.mediaChecker.discard(record.fileId).catch(() => undefined);
    return 'removed';
  }
  if (record.subject === 'complaint-voice' || record.subject === 'entry-voice') return applyVoiceCheck(deps, record, e.verdict, at, e.traceId);
  return applyToComplaint(deps, record, e.verdict, at, e.traceId, (c) => {
    // Already applied by a push delivered twice at once, or removed meanwhile.
    // A photo of the complaint itself, or one attached to a timeline entry (reply, progress, 补充材料).
    const kept = c.photos.includes(record.fileId) || (c.attachedPhotos ?? []).includes(record.fileId);
    if (!kept || !(c.photosPending ?? []).includes(record.fileId)) return { gone: !kept };
    const next: Complaint = {
      ...c,
      photos: passed ? c.photos : c.photos.filter((p) => p !== record.fileId),
      ...(c.attachedPhotos && !passed ? { attachedPhotos: c.attachedPhotos.filter((p) => p !== record.fileId) } : {}),
      photosPending: (c.photosPending ?? []).filter((p) => p !== record.fileId),
      version: c.version + 1,
      updatedAt: at,
    };
    const history: HistoryEntry[] = passed
      ? []
      : // An official's photo removed is told to officials only.
        [{ complaintId: c.id, at, actorRole: 'system', actorOpenid: null, action: 'photo_removed', fromStatus: c.status, toStatus: c.status, note: '您上传的一张照片未通过内容安全检查，已删除', internal: record.openid !== c.complainantOpenid }];
    return { next, history };
  });
}

/**
 * A voice note's verdict: `pass` lets officials hear it; otherwise it is removed from the complaint
 * (storage too) and the owner is told in the timeline, as for photos. The complaint's own note
 * (Complaint.voice) or an entry's (Complaint.attachedVoices, by file id).
 */
function applyVoiceCheck(deps: ApplyDeps, record: MediaCheckRecord, verdict: MediaVerdict, at: string, traceId: string): Promise<MediaCheckOutcome> {
  const passed = verdict === 'pass';
  return applyToComplaint(deps, record, verdict, at, traceId, (c) => {
    const entry = record.subject === 'entry-voice';
    const v = entry ? c.attachedVoices?.find((x) => x.fileId === record.fileId) : c.voice?.fileId === record.fileId ? c.voice : undefined;
    if (!v || !v.pending) return { gone: !v };
    const next: Complaint = entry
      ? { ...c, attachedVoices: passed ? c.attachedVoices!.map((x) => (x.fileId === v.fileId ? { ...x, pending: false } : x)) : c.attachedVoices!.filter((x) => x.fileId !== v.fileId), version: c.version + 1, updatedAt: at }
      : { ...c, voice: passed ? { ...v, pending: false } : null, version: c.version + 1, updatedAt: at };
    const history: HistoryEntry[] = passed
      ? []
      : [{ complaintId: c.id, at, actorRole: 'system', actorOpenid: null, action: 'voice_removed', fromStatus: c.status, toStatus: c.status, note: '您的录音未通过内容安全检查，已删除', internal: false }];
    return { next, history };
  });
}

type ApplyDeps = { complaints: ComplaintRepository; mediaChecks: MediaCheckRepository; mediaChecker: MediaChecker };
type ComplaintStep = { next: Complaint; history: HistoryEntry[] } | { gone: boolean };

/**
 * A complaint file's verdict applied to the complaint: `change` gives, from a fresh read, the
 * complaint's next state and timeline entries, or `gone` when the file is no longer pending there
 * (true when the complaint no longer holds it at all: purged, or removed meanwhile). Then the
 * verdict is recorded and a refused file discarded.
 */
async function applyToComplaint(deps: ApplyDeps, record: MediaCheckRecord, verdict: MediaVerdict, at: string, traceId: string, change: (c: Complaint) => ComplaintStep): Promise<MediaCheckOutcome> {
  let gone = false;
  for (let attempt = 1; ; attempt++) {
    const c = await deps.complaints.get(record.complaintId);
    const step = c ? change(c) : { gone: true };
    if ('gone' in step) {
      gone = step.gone;
      break;
    }
    try {
      await deps.complaints.apply({ next: step.next, expectedVersion: c!.version, history: step.history, outbox: [] });
      break;
    } catch (err) {
      // Someone acted on the complaint meanwhile: read it again and redo the change.
      if (err instanceof AppError && err.code === 'CONFLICT' && attempt < MAX_ATTEMPTS) continue;
      throw err;
    }
  }
  // Recorded after the change: if applying failed, WeChat's retry of the push finds it undecided.
  await deps.mediaChecks.decide(traceId, verdict, at);
  if (verdict === 'pass') return gone ? 'gone' : 'published';
  await deps.mediaChecker.discard(record.fileId).catch(() => undefined); // the complaint no longer refers to it
  return gone ? 'gone' : 'removed';
}
