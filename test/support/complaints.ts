/** Helpers to drive complaints through the local app over HTTP. */
import type { ComplaintCaseView, ComplaintView } from '../../core/complaint/api';
import { DEMO, HEAD_STATION, rid, type TestApp } from './local-app';

/** A 1×1 PNG: the smallest photo the upload route accepts. */
export const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export interface SubmitData {
  stationId?: string;
  category?: string;
  description?: string;
  photos?: string[];
  voice?: { fileId: string; seconds: number };
  phone?: string;
  shareIdentity?: boolean;
}

export async function fileComplaint(t: TestApp, data: SubmitData = {}, openid: string = DEMO.resident1): Promise<ComplaintView> {
  return t.ok<ComplaintView>(
    'complaints',
    'submit',
    { stationId: HEAD_STATION, category: 'overcharge', description: '快递代收每件多收两元，没有明码标价。', ...data },
    openid,
    rid('submit'),
  );
}

/** The complaint as its handlers see it (province admin sees everything). */
export async function caseOf(t: TestApp, id: string, openid: string = DEMO.province): Promise<ComplaintCaseView> {
  return t.ok<ComplaintCaseView>('complaints', 'detail', { id }, openid);
}

export async function accepted(t: TestApp, data: SubmitData = {}, by: string = DEMO.county): Promise<ComplaintCaseView> {
  const c = await fileComplaint(t, data);
  return t.ok<ComplaintCaseView>('complaints', 'accept', { id: c.id, version: c.version }, by);
}

export async function assignedToOperator(t: TestApp, data: SubmitData = {}): Promise<ComplaintCaseView> {
  const c = await accepted(t, data);
  return t.ok<ComplaintCaseView>('complaints', 'assign', { id: c.id, version: c.version, to: 'operator' }, DEMO.county);
}

export async function replied(t: TestApp, data: SubmitData = {}): Promise<ComplaintCaseView> {
  const c = await accepted(t, data);
  return t.ok<ComplaintCaseView>('complaints', 'reply', { id: c.id, version: c.version, text: '已核实，已退还多收的费用。' }, DEMO.county);
}

export async function uploadPhoto(t: TestApp, openid: string, bytes: Buffer = PNG_1X1): Promise<string> {
  const res = await t.raw('/api/upload', { method: 'POST', headers: { 'x-wx-openid': openid, 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes) });
  const body = (await res.json()) as { ok: boolean; data?: { id: string }; error?: unknown };
  if (!body.ok || !body.data) throw new Error(`upload failed: ${JSON.stringify(body.error)}`);
  return body.data.id;
}
