/**
 * The county's digest of new cases (issue 11 §3: "a digest, not a flood"): once a working day at
 * most, each county official with a region gets one message saying how many cases arrived in
 * their region since their last digest and the oldest deadline among them. Nothing when nothing
 * is new; nothing on rest days (they come with the next working day's digest).
 */
import { isPending, type RoleBinding } from '../authz/roles';
import { WorkCalendar } from '../calendar/workdays';
import type { OutboxMessage } from '../complaint/model';
import type { CalendarRepository, Clock, ComplaintRepository, IdSource, OutboxRepository, RoleRepository } from '../ports';
import { toShanghai } from '../shared/time';

export interface DigestDeps {
  roles: Pick<RoleRepository, 'list'>;
  complaints: Pick<ComplaintRepository, 'list'>;
  outbox: Pick<OutboxRepository, 'queueDigest' | 'lastDigestAt'>;
  calendars: Pick<CalendarRepository, 'adminYears'>;
  clock: Clock;
  ids: IdSource;
}

/** Cases counted per digest; "99+" beyond it (a digest is a nudge, the queue has the list). */
export const DIGEST_COUNT_CAP = 99;
/** The first digest of an official looks back this far. */
const FIRST_LOOKBACK_MS = 24 * 3600_000;

/** The digest message itself (pure, so the payload rules can be checked on it). */
export function digestMessage(input: { id: string; openid: string; at: string; count: number; oldest: { id: string; dueAt: string | null } }): OutboxMessage {
  const payload: Record<string, string> = { count: input.count > DIGEST_COUNT_CAP ? `${DIGEST_COUNT_CAP}+` : String(input.count) };
  // The template has a date keyword: without a deadline (never expected for 待受理) today stands in,
  // so the message is still deliverable.
  payload.dueOn = toShanghai(new Date(input.oldest.dueAt ?? input.at)).date;
  return { id: input.id, openid: input.openid, event: 'new_cases_digest', complaintId: input.oldest.id, payload, createdAt: input.at, sentAt: null, attempts: 0, lastError: null };
}

/** Active, claimed county officials with a region scope, each with all their regions. */
async function countyOfficials(roles: DigestDeps['roles']): Promise<{ openid: string; regionCodes: string[] }[]> {
  const out = new Map<string, Set<string>>();
  for (let offset = 0; ; offset += 100) {
    const page = await roles.list({ offset, limit: 100 });
    for (const b of page.items as RoleBinding[]) {
      if (b.role !== 'county_official' || b.revokedAt || isPending(b) || b.scope.kind !== 'region') continue;
      out.set(b.openid, (out.get(b.openid) ?? new Set()).add(b.scope.regionCode));
    }
    if (!page.hasMore || offset > 100_000) break;
  }
  return [...out].map(([openid, codes]) => ({ openid, regionCodes: [...codes].sort() }));
}

export async function queueNewCaseDigests(deps: DigestDeps): Promise<{ digestsQueued: number }> {
  const now = deps.clock.now();
  const today = toShanghai(now).date;
  const calendar = new WorkCalendar(await deps.calendars.adminYears());
  if (!calendar.isWorkday(today).workday) return { digestsQueued: 0 };
  let digestsQueued = 0;
  // An official of two counties gets one digest counting both (never one county's news lost).
  for (const o of await countyOfficials(deps.roles)) {
    const last = await deps.outbox.lastDigestAt(o.openid);
    if (last && toShanghai(new Date(last)).date === today) continue;
    const since = last ?? new Date(now.getTime() - FIRST_LOOKBACK_MS).toISOString();
    const page = await deps.complaints.list({ regionCodes: o.regionCodes, statuses: ['submitted'], since, order: 'due', offset: 0, limit: DIGEST_COUNT_CAP + 1 });
    if (!page.items.length) continue;
    const oldest = page.items[0];
    const m = digestMessage({ id: deps.ids.id(), openid: o.openid, at: now.toISOString(), count: page.items.length, oldest: { id: oldest.id, dueAt: oldest.dueAt } });
    if (await deps.outbox.queueDigest(m, today)) digestsQueued++;
  }
  return { digestsQueued };
}
