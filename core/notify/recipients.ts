/**
 * Who a message about an assignment goes to (issue 11 §3 "the assignee on assignment"): an
 * assignee is a unit (a station or an operating company), so its message goes to the people who
 * hold its role — the station's heads or the operator's staff — with active, claimed bindings.
 */
import { isPending, type RoleBinding } from '../authz/roles';
import { CATEGORY_LABELS, type Assignee, type Complaint, type OutboxMessage } from '../complaint/model';
import type { RoleRepository } from '../ports';

/** At most this many people of one unit are told (an operator's whole staff is not paged). */
export const MAX_ASSIGNEE_RECIPIENTS = 20;

export function holdsAssignee(b: RoleBinding, a: Assignee): boolean {
  if (b.revokedAt || isPending(b)) return false;
  return a.kind === 'operator'
    ? b.role === 'operator_staff' && b.scope.kind === 'operator' && b.scope.operatorName === a.operatorName
    : b.role === 'station_head' && b.scope.kind === 'station' && b.scope.stationId === a.stationId;
}

/** The openids holding the assignee's role, in binding order, without duplicates. */
export async function assigneeRecipients(roles: Pick<RoleRepository, 'list'>, a: Assignee): Promise<string[]> {
  const out = new Set<string>();
  for (let offset = 0; out.size < MAX_ASSIGNEE_RECIPIENTS; offset += 100) {
    const page = await roles.list({ offset, limit: 100 });
    for (const b of page.items) if (holdsAssignee(b, a)) out.add(b.openid);
    if (!page.hasMore || offset > 100_000) break;
  }
  return [...out].slice(0, MAX_ASSIGNEE_RECIPIENTS);
}

/** The 待签收 message to one of the assignee's people (opens the officials' case page). */
export function assignmentNotice(c: Complaint, openid: string): Omit<OutboxMessage, 'id' | 'createdAt' | 'sentAt' | 'attempts' | 'lastError'> {
  return { openid, event: 'case_assigned', complaintId: c.id, payload: { trackingNo: c.trackingNo, station: c.stationName.slice(0, 20), status: '待签收', category: CATEGORY_LABELS[c.category] } };
}
