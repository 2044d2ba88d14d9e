/** Complaint set-up shared by the weapp page tests. */
import type { WeappSuite } from './suite';
import { DEMO, HEAD_STATION } from '../../support/demo';

/** A complaint about the head's station, filed by resident1 and accepted by the county: its id and version. */
export async function acceptedComplaint(call: WeappSuite['call'], category: string, description: string, requestId: string): Promise<{ id: string; version: number }> {
  const filed = await call('complaints', 'submit', { stationId: HEAD_STATION, category, description }, DEMO.resident1, requestId);
  const accepted = await call('complaints', 'accept', { id: filed.id, version: filed.version }, DEMO.county);
  return { id: filed.id, version: accepted.version };
}
