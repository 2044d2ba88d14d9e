/**
 * 说一说 on 补充材料 (issue 11 §2, §6): the minimum-length rule counts the voice note, the machine
 * keeps it pending on its entry, and its own check subject lands the verdict on that entry only.
 */
import { supplementInput } from '../../core/complaint/api';
import { WorkCalendar } from '../../core/calendar/workdays';
import { transition } from '../../core/complaint/machine';
import type { Complaint, HistoryEntry } from '../../core/complaint/model';
import { applyMediaCheck, requestEntryVoiceCheck, type MediaCheckRecord, type MediaCheckRepository } from '../../core/media/check';
import { makeComplaint } from '../support/complaint-fixtures';

const cal = new WorkCalendar();
const fileId = 'upl-abcdefghijklmnop';
const base = { id: 'c-000001', version: 2 };
const asComplainant = (at: string) => ({ at: new Date(at), calendar: cal, actor: { kind: 'complainant' as const, role: 'resident', openid: 'o-complainant' } });

describe('the input: a voice note counts as content', () => {
  test('short text alone is refused on the text field; with a voice note short or blank text is taken', () => {
    const short = supplementInput.safeParse({ ...base, text: '收据' });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]).toEqual(expect.objectContaining({ path: ['text'], message: '请至少写 5 个字' }));
    expect(supplementInput.safeParse({ ...base, text: '', attachments: { voice: { fileId, seconds: 9 } } }).success).toBe(true);
    expect(supplementInput.safeParse({ ...base, text: '收据', attachments: { voice: { fileId, seconds: 9 }, photos: ['upl-photophotophoto1'] } }).success).toBe(true);
    expect(supplementInput.safeParse({ ...base, text: '这是多收费的收据' }).success).toBe(true);
    // A note too short or too long is not a note.
    expect(supplementInput.safeParse({ ...base, text: '', attachments: { voice: { fileId, seconds: 0 } } }).success).toBe(false);
    expect(supplementInput.safeParse({ ...base, text: '', attachments: { voice: { fileId, seconds: 61 } } }).success).toBe(false);
  });
});

function accepted(): Complaint {
  const c = makeComplaint('c-000001', { complainantOpenid: 'o-complainant' });
  return transition(c, { type: 'accept' }, { at: new Date('2026-03-02T02:00:00Z'), calendar: cal, actor: { kind: 'official', role: 'county_official', openid: 'o-county' } }).next;
}

test('the machine: the entry carries the note; the complaint keeps it pending; the purge removes it', () => {
  const r = transition(accepted(), { type: 'supplement', text: '', attachments: { voice: { fileId, seconds: 9 } } }, asComplainant('2026-03-03T02:00:00Z'));
  expect(r.history.attachments).toEqual({ voice: { fileId, seconds: 9 } });
  expect(r.next.attachedVoices).toEqual([{ fileId, seconds: 9, pending: true }]);
  expect(r.next.supplements).toBe(1);
  const purged = transition({ ...r.next, status: 'closed' }, { type: 'purge' }, { at: new Date('2028-03-03T02:00:00Z'), calendar: cal, actor: { kind: 'system', role: 'system', openid: null } });
  expect(purged.next.attachedVoices).toEqual([]);
});

function memory(c: Complaint) {
  let current = c;
  const history: HistoryEntry[] = [];
  const records = new Map<string, MediaCheckRecord>();
  const discarded: string[] = [];
  const complaints = {
    get: async () => current,
    apply: async (x: { next: Complaint; history: HistoryEntry[] }) => {
      current = x.next;
      history.push(...x.history);
    },
  } as never;
  const mediaChecks: MediaCheckRepository = {
    insert: async (r) => void records.set(r.traceId, r),
    get: async (id) => records.get(id) ?? null,
    decide: async (id, result, at) => {
      const r = records.get(id)!;
      if (r.result) return false;
      records.set(id, { ...r, result, decidedAt: at });
      return true;
    },
  };
  let n = 0;
  const mediaChecker = { check: jest.fn(async () => `trace-${++n}`), discard: async (f: string) => void discarded.push(f) };
  const clock = { now: () => new Date('2026-03-03T03:00:00Z') };
  return { deps: { complaints, mediaChecks, mediaChecker, clock }, records, discarded, history, now: () => current };
}

test('its own check subject: pass lets others hear that entry; risky removes only that entry’s note and tells the owner', async () => {
  const other = 'upl-otherotherother1';
  const first = transition(accepted(), { type: 'supplement', text: '', attachments: { voice: { fileId, seconds: 9 } } }, asComplainant('2026-03-03T02:00:00Z')).next;
  const c = transition(first, { type: 'supplement', text: '再补充一段录音', attachments: { voice: { fileId: other, seconds: 4 } } }, asComplainant('2026-03-03T02:10:00Z')).next;
  const m = memory({ ...c, voice: { fileId: 'upl-complaintvoice01', seconds: 20, pending: true } });
  expect(await requestEntryVoiceCheck(m.deps, c.id, fileId, 'o-complainant')).toBe(true);
  expect(await requestEntryVoiceCheck(m.deps, c.id, other, 'o-complainant')).toBe(true);
  expect(m.deps.mediaChecker.check).toHaveBeenCalledWith(fileId, { openid: 'o-complainant', media: 'audio' });
  expect(m.records.get('trace-1')).toEqual(expect.objectContaining({ subject: 'entry-voice', fileId, complaintId: c.id }));

  expect(await applyMediaCheck(m.deps, { traceId: 'trace-1', verdict: 'pass' })).toBe('published');
  expect(m.now().attachedVoices).toEqual([
    { fileId, seconds: 9, pending: false },
    { fileId: other, seconds: 4, pending: true },
  ]);
  // The complaint's own note is another subject: untouched.
  expect(m.now().voice).toEqual(expect.objectContaining({ pending: true }));

  expect(await applyMediaCheck(m.deps, { traceId: 'trace-2', verdict: 'risky' })).toBe('removed');
  expect(m.now().attachedVoices).toEqual([{ fileId, seconds: 9, pending: false }]);
  expect(m.discarded).toEqual([other]);
  expect(m.history.at(-1)).toEqual(expect.objectContaining({ action: 'voice_removed', internal: false, note: '您的录音未通过内容安全检查，已删除' }));
  expect(await applyMediaCheck(m.deps, { traceId: 'trace-2', verdict: 'risky' })).toBe('repeated');
});

test('a failed request leaves the note pending (heard by its owner only)', async () => {
  const m = memory(accepted());
  m.deps.mediaChecker.check.mockRejectedValueOnce(new Error('down'));
  expect(await requestEntryVoiceCheck(m.deps, 'c-000001', fileId, 'o-complainant')).toBe(false);
  expect(m.records.size).toBe(0);
});
