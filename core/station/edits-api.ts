/**
 * The contract of station edits (./edits.ts): the `register` function's edit actions (heads,
 * operator staff, county officials) and the `stations` function's 信息有误 report. Input schemas
 * reuse the station schema's fields; answers are plain types the pages import as types only.
 */
import { isoDate, text, z } from '../shared/zod';
import type { Closure, DiffLine, EditKind, EditStatus, PublicField, PublicInfo } from './edits';
import { PUBLIC_FIELDS } from './edits';
import { REPORT_MAX, REPORT_MIN, STATION_PHOTOS_MAX } from './limits';
import { photoList } from '../media/photos';
import { stationSchema } from './schema';

const stationId = z.string().check(z.regex(/^[a-z0-9-]{3,40}$/, '站点编号不对'));
const editId = z.string().check(z.regex(/^[A-Za-z0-9_-]{4,64}$/, '记录编号不对'));
const shape = stationSchema.shape;

export const publicInfoSchema = z.strictObject({
  hours: shape.hours,
  services: shape.services,
  processes: shape.processes,
  commitments: shape.commitments,
  fees: shape.fees,
  complaintChannels: shape.complaintChannels,
  contact: shape.contact,
  // Kept photos are the station's stored ids; new ones are the proposer's uploads (claimed).
  photos: photoList(STATION_PHOTOS_MAX),
});

export const editDraftInput = z.strictObject({ stationId });
export const proposeInput = z.strictObject({ stationId, info: publicInfoSchema });
export const withdrawEditInput = z.strictObject({ id: editId });
export const closeTemporarilyInput = z.strictObject({ stationId, reason: text(30, '闭店原因'), from: isoDate, until: isoDate });
export const editQueueInput = z.strictObject({
  status: z.optional(z.enum(['pending', 'approved', 'returned', 'withdrawn'], '状态不对')),
  offset: z.optional(z.int().check(z.gte(0), z.lte(10_000))),
});
export const decideEditInput = z.strictObject({
  id: editId,
  decision: z.enum(['approve', 'return'], '请选择通过或退回'),
  comment: z.optional(z.string().check(z.trim(), z.maxLength(200, '意见最多 200 个字'))),
});
export const confirmInfoInput = z.strictObject({ stationId });

export const REPORT_TOPICS = [...PUBLIC_FIELDS, 'address', 'other'] as const;
export const reportInput = z.strictObject({
  stationId,
  topic: z.enum(REPORT_TOPICS, '请选择哪里有误'),
  text: text(REPORT_MAX, '有误的内容', { min: REPORT_MIN, tooShort: `请写明哪里有误，至少 ${REPORT_MIN} 个字` }),
});

/** One edit as the pages show it (no openids). */
export interface EditView {
  id: string;
  stationId: string;
  stationName: string;
  kind: EditKind;
  kindLabel: string;
  status: EditStatus;
  statusLabel: string;
  createdAt: string;
  decidedAt?: string;
  comment?: string;
  /** Proposal: the fields that change, before and after. */
  diff?: DiffLine[];
  /** Proposal that changes the photos: short-lived URLs of the photos before and after. */
  photos?: { before: string[]; after: string[] };
  closure?: Closure;
  report?: { topic: PublicField | 'address' | 'other'; topicLabel: string; text: string };
  /** Reminder: days since the information was confirmed. */
  infoConfirmedOn?: string;
}

export interface EditDraft {
  station: { id: string; name: string; infoConfirmedOn: string };
  /** The public information as it stands (without a closure's days). */
  info: PublicInfo;
  /** Short-lived URLs of info.photos, in the same order (to show them). */
  photoUrls: string[];
  closure: Closure | null;
  /** The pending proposal, if any (a new proposal replaces it). */
  pending: EditView | null;
  /** Recent edits, newest first. */
  history: EditView[];
}

export interface EditQueuePage {
  items: EditView[];
  nextOffset: number | null;
}
