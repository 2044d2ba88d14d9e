/**
 * WeChat subscribe messages for complaint updates (docs/product.md §3). Each consent is one-time: it
 * allows one message of that template. So the app asks where the villager wants the next update —
 * on the submit tap (受理 / 不予受理 / 并单), and again on the tracking page while the case is open
 * (答复, then 办结) — only for the templates of what can happen next (WeChat takes ≤ 3 per ask).
 *
 * Template ids come from the build constant COMPLAINT_TEMPLATES (config/index.ts), the same JSON as
 * the functions' ZDT_SUBSCRIBE_TEMPLATES: `{"complaint_accepted":"<id>", …}` (or `{ "id": … }` per
 * event). No ids, H5, a refusal or an error: nothing happens — the case never waits for this.
 */
import Taro from '@tarojs/taro';
import type { ComplaintStatus, OutboxMessage } from '@core/complaint/model';

type UpdateEvent = OutboxMessage['event'];

/** WeChat's limit per requestSubscribeMessage call. */
const MAX_PER_REQUEST = 3;

/** The messages a case in this status can send next (core/complaint/machine.ts `tell`). */
const NEXT_UPDATES: Partial<Record<ComplaintStatus, UpdateEvent[]>> = {
  submitted: ['complaint_accepted', 'complaint_refused', 'complaint_closed'],
  // An open case may also be extended (延期, with the new date), handed on (转办) or go up (督办);
  // WeChat takes 3 per ask, so the later ones count only where the earlier have no template.
  accepted: ['complaint_replied', 'complaint_closed', 'complaint_extended', 'complaint_assigned', 'complaint_escalated'],
  assigned: ['complaint_replied', 'complaint_closed', 'complaint_extended', 'complaint_escalated'],
  // After the reply: ended, reopened once after 不满意 (with the new date), and the 回访
  // "问题还在吗？" four weeks after the end (one consent each).
  replied: ['complaint_closed', 'complaint_reopened', 'complaint_recheck'],
};

function configured(): Partial<Record<UpdateEvent, string>> {
  const raw: unknown = typeof COMPLAINT_TEMPLATES !== 'undefined' ? COMPLAINT_TEMPLATES : null;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const out: Partial<Record<UpdateEvent, string>> = {};
  for (const [event, v] of Object.entries(raw as Record<string, unknown>)) {
    const id = typeof v === 'string' ? v : v && typeof v === 'object' ? (v as { id?: unknown }).id : null;
    if (typeof id === 'string' && id) out[event as UpdateEvent] = id;
  }
  return out;
}

/** Template ids to ask for at this status, in order, without duplicates, at most 3. */
export function complaintTemplateIds(status: ComplaintStatus = 'submitted'): string[] {
  const ids = configured();
  const wanted = (NEXT_UPDATES[status] ?? []).map((e) => ids[e]).filter((id): id is string => !!id);
  return [...new Set(wanted)].slice(0, MAX_PER_REQUEST);
}

/** Whether the tracking page should offer "有进展时通知我" for a case in this status. */
export function canAskForUpdates(status: ComplaintStatus): boolean {
  return process.env.TARO_ENV === 'weapp' && complaintTemplateIds(status).length > 0;
}

/** Call straight from the tap handler (WeChat requires a user gesture); do not await it. */
export function askForComplaintUpdates(status: ComplaintStatus = 'submitted'): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  const tmplIds = complaintTemplateIds(status);
  if (!tmplIds.length) return;
  try {
    const p = Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option);
    if (p && typeof p.catch === 'function') p.catch(() => undefined);
  } catch {
    /* old base library or refused: updates are still visible in 我的投诉 */
  }
}

/**
 * Officials' one-time consents for the hand-offs they will want to hear about (issue 11 §3): asked
 * on the tap that makes them wait for someone else — 受理/转办 (退单, 延期申请, 督办 come back to
 * them), 督办 (its answer). Same rules as above: weapp only, configured templates only, ≤ 3.
 */
export function askForOfficialUpdates(events: readonly UpdateEvent[]): void {
  askFor(events);
}

/**
 * On the workbench's 投诉待办 tap (issue 11 §3), by role: the county its daily digest of new cases
 * and what comes back to it (退单, 延期申请); an assignee's people the next case handed to them;
 * city and province the answers to their 督办. At most 3 are asked (askFor).
 */
export function workbenchUpdates(roles: readonly { role: string }[]): UpdateEvent[] {
  const has = (r: string) => roles.some((x) => x.role === r);
  const out: UpdateEvent[] = [];
  if (has('county_official')) out.push('new_cases_digest', 'complaint_returned', 'extension_requested');
  if (has('station_head') || has('operator_staff')) out.push('case_assigned');
  if (has('city_supervisor') || has('province_admin')) out.push('supervision_answered');
  return out;
}

function askFor(events: readonly UpdateEvent[]): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  const ids = configured();
  const tmplIds = [...new Set(events.map((e) => ids[e]).filter((id): id is string => !!id))].slice(0, MAX_PER_REQUEST);
  if (!tmplIds.length) return;
  try {
    const p = Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option);
    if (p && typeof p.catch === 'function') p.catch(() => undefined);
  } catch {
    /* refused or old base library: the desk still shows these */
  }
}
