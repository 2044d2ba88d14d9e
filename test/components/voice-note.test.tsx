/**
 * 说一说 (issue 11 §6): hold to record, listen before sending, the upload's id goes with the
 * complaint, a short description is enough with a voice note, and a transcript fills the
 * description for correcting. The platform recorder is replaced by a fake one.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Recorder, Recording } from '@/services/recorder-types';
import VoiceNote from '@/components/complaint/VoiceNote';
import ComplaintForm from '@/components/complaint/ComplaintForm';
import ComplaintDetailPage from '@/pages/complaint/detail/index';
import { setDemoOpenid } from '@/services/identity';
import { installExtraTaro, serve } from './feedback-support';
import { complaintView, OFFICIAL_CASE_FIELDS } from './fixtures';
import { resetTaro, routerParams } from './taro-mock';

/** A recorder whose recordings last `seconds` (and say `transcript`); `autoStop` ends one by itself. */
function fakeRecorder(seconds: number, transcript?: string) {
  let auto: ((r: Recording) => void) | null = null;
  const rec = (): Recording => ({ path: 'blob:voice-1', seconds, size: 4000, ...(transcript ? { transcript } : {}) });
  const r = {
    supported: () => true,
    start: jest.fn(async (onAutoStop: (r: Recording) => void) => {
      auto = onAutoStop;
      return { stop: jest.fn(async () => rec()), cancel: jest.fn() };
    }),
    upload: jest.fn(async () => 'upl-voice-abcdefghijk'),
    autoStop: () => auto?.(rec()),
  };
  return r satisfies Recorder & { autoStop(): void };
}

const mockRecorder: { current: Recorder | null } = { current: null };
jest.mock('@/services/recorder', () => ({ get recorder() { return mockRecorder.current; } }));

const audio = { play: jest.fn(), stop: jest.fn(), destroy: jest.fn(), onEnded: jest.fn(), onStop: jest.fn(), onError: jest.fn(), src: '' };
beforeEach(() => {
  resetTaro();
  installExtraTaro();
  setDemoOpenid('demo-resident-1');
  Object.values(audio).forEach((f) => typeof f === 'function' && f.mockReset());
  (Taro as unknown as { createInnerAudioContext: () => typeof audio }).createInnerAudioContext = jest.fn(() => audio);
  Element.prototype.scrollIntoView = () => undefined;
});

async function hold(el: Element) {
  await act(async () => {
    fireEvent.mouseDown(el);
  });
  await act(async () => {
    fireEvent.mouseUp(el);
  });
}

test('hold to record, then listen before sending; the uploaded note is the value', async () => {
  const rec = fakeRecorder(12);
  const onChange = jest.fn();
  const view = render(<VoiceNote idPrefix='v' value={null} onChange={onChange} recorder={rec} />);
  const $ = (s: string) => view.container.querySelector(s);
  expect($('#v-hold')!.textContent).toContain('按住 说一说');
  await act(async () => {
    fireEvent.mouseDown($('#v-hold')!);
  });
  expect($('#v-hold')!.textContent).toContain('正在录音');
  await act(async () => {
    fireEvent.mouseUp($('#v-hold')!);
  });
  await waitFor(() => expect(onChange).toHaveBeenCalledWith({ id: 'upl-voice-abcdefghijk', seconds: 12, path: 'blob:voice-1' }));
  expect(rec.upload).toHaveBeenCalledTimes(1);

  view.rerender(<VoiceNote idPrefix='v' value={onChange.mock.calls[0][0]} onChange={onChange} recorder={rec} />);
  expect($('#v-hold')).toBeNull();
  expect($('#v-preview-play')!.textContent).toContain('12″');
  fireEvent.click($('#v-preview-play')!);
  expect(audio.src).toBe('blob:voice-1');
  expect(audio.play).toHaveBeenCalled();
  fireEvent.click($('#v-delete')!);
  expect(onChange).toHaveBeenLastCalledWith(null);
});

test('a slip of the finger (under a second) is not sent', async () => {
  const rec = fakeRecorder(0);
  const onChange = jest.fn();
  const view = render(<VoiceNote idPrefix='v' value={null} onChange={onChange} recorder={rec} />);
  await hold(view.container.querySelector('#v-hold')!);
  await waitFor(() => expect(view.container.querySelector('#v-failed')!.textContent).toContain('说话时间太短'));
  expect(rec.upload).not.toHaveBeenCalled();
  expect(onChange).not.toHaveBeenCalled();
});

test('at 60 seconds the recorder stops by itself and the note is kept', async () => {
  const rec = fakeRecorder(60);
  const onChange = jest.fn();
  const view = render(<VoiceNote idPrefix='v' value={null} onChange={onChange} recorder={rec} />);
  await act(async () => {
    fireEvent.mouseDown(view.container.querySelector('#v-hold')!);
  });
  await act(async () => {
    rec.autoStop();
  });
  await waitFor(() => expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ seconds: 60 })));
});

test('the form: with a voice note a short description is enough; the transcript fills it for correcting', async () => {
  const rec = fakeRecorder(9, '快递收了十五块');
  mockRecorder.current = rec;
  const sent = serve({ 'complaints.similar': () => [], 'complaints.submit': () => complaintView() });
  const onSubmitted = jest.fn();
  const view = render(<ComplaintForm stationId='st-ydgj-01' stationName='贡江镇服务站' onSubmitted={onSubmitted} />);
  const $ = (s: string) => view.container.querySelector(s);
  fireEvent.click($('#category-overcharge')!);

  // Without a note, three characters are not enough.
  act(() => {
    $('#complaint-description')!.dispatchEvent(new CustomEvent('input', { detail: { value: '多收钱' } }));
  });
  fireEvent.click($('#complaint-submit')!);
  expect($('#error-description')!.textContent).toBe('请至少写 5 个字，说清楚发生了什么');
  expect(sent.filter((s) => s.action === 'submit')).toHaveLength(0);

  await hold($('#complaint-voice-hold')!);
  await waitFor(() => expect($('#complaint-voice-preview')).not.toBeNull());
  expect($('#complaint-transcript-hint')).not.toBeNull();
  expect(($('#complaint-description') as HTMLTextAreaElement & { value: string }).value).toBe('多收钱\n快递收了十五块');

  // The villager trims it back; the note still counts as content.
  act(() => {
    $('#complaint-description')!.dispatchEvent(new CustomEvent('input', { detail: { value: '多收钱' } }));
  });
  await act(async () => {
    fireEvent.click($('#complaint-submit')!);
  });
  await waitFor(() => expect(onSubmitted).toHaveBeenCalled());
  const submit = sent.find((s) => s.action === 'submit')!;
  expect(submit.data).toMatchObject({ description: '多收钱', voice: { fileId: 'upl-voice-abcdefghijk', seconds: 9 } });
});

/** The officials' case as the server answers it once the note passed its check. */
function caseWithVoice() {
  return {
    ...complaintView({ description: '', voice: { url: '/files/upl-voice-abcdefghijk?exp=1&sig=x', seconds: 21, pending: false } }),
    ...OFFICIAL_CASE_FIELDS,
  };
}

test.each([
  ['the desk case pane', true],
  ['the phone case page', false],
])('officials hear the note on %s', async (_where, pane) => {
  serve({ 'complaints.detail': () => caseWithVoice() });
  const { ComplaintCase } = await import('@/packages/official/complaint/index');
  const view = render(<ComplaintCase id='cmp-0001-abcdef' pane={pane} />);
  await waitFor(() => expect(view.container.querySelector('#complaint-voice-play')).not.toBeNull());
  expect(view.container.querySelector('#complaint-voice-play')!.textContent).toContain('21″');
  expect(view.container.querySelector('#complaint-description')!.textContent).toContain('（见录音）');
  fireEvent.click(view.container.querySelector('#complaint-voice-play')!);
  expect(audio.src).toBe('/files/upl-voice-abcdefghijk?exp=1&sig=x');
  expect(audio.play).toHaveBeenCalled();
});

describe('说一说 on 补充材料', () => {
  test('the complainant records on the supplement form: the note counts as content and goes under attachments', async () => {
    const rec = fakeRecorder(7, '收据上写着三块');
    mockRecorder.current = rec;
    routerParams.current = { id: 'cmp-0001-abcdef' };
    const open = complaintView({ status: 'accepted', statusLabel: '已受理', canSupplement: true, supplementsLeft: 5, version: 4 });
    const after = { ...open, version: 5, supplementsLeft: 4, timeline: [{ at: '2025-06-05T02:00:00.000Z', action: 'supplement', label: '补充材料', status: 'accepted' as const, note: '收据', voice: { url: '/files/upl-voice-abcdefghijk?sig=x', seconds: 7, pending: true } }] };
    const sent = serve({ 'complaints.get': () => open, 'complaints.supplement': () => after });
    const view = render(<ComplaintDetailPage />);
    const $ = (s: string) => view.container.querySelector(s);
    await waitFor(() => expect($('#btn-supplement-open')).not.toBeNull());
    fireEvent.click($('#btn-supplement-open')!);
    await act(() => new Promise<void>((r) => setTimeout(r, 30)));

    // Too short without a note.
    await act(async () => {
      $('#supplement-text')!.dispatchEvent(new CustomEvent('input', { detail: { value: '收据' } }));
    });
    await act(async () => {
      fireEvent.click($('#btn-supplement-submit')!);
    });
    expect($('#supplement-error')!.textContent).toContain('至少写 5 个字');
    expect(sent.some((s) => s.action === 'supplement')).toBe(false);

    await hold($('#supplement-voice-hold')!);
    await waitFor(() => expect($('#supplement-voice-preview')).not.toBeNull());
    // The transcript is added for correcting.
    expect(($('#supplement-text') as HTMLTextAreaElement & { value: string }).value).toBe('收据\n收据上写着三块');
    await act(async () => {
      $('#supplement-text')!.dispatchEvent(new CustomEvent('input', { detail: { value: '收据' } }));
    });
    await act(async () => {
      fireEvent.click($('#btn-supplement-submit')!);
    });
    await waitFor(() => expect($('#supplement-form')).toBeNull());
    expect(sent.find((s) => s.action === 'supplement')!.data).toEqual({ id: 'cmp-0001-abcdef', version: 4, text: '收据', attachments: { voice: { fileId: 'upl-voice-abcdefghijk', seconds: 7 } } });
    // On the timeline, pending: only the owner hears it, and is told so.
    expect($('#timeline-voice-0-play')!.textContent).toContain('7″');
    expect($('#timeline-voice-0')!.textContent).toContain('审核中');
  });

  test.each([
    ['the desk case pane', true],
    ['the phone case page', false],
  ])('officials hear a checked supplement note on %s', async (_where, pane) => {
    const c = caseWithVoice();
    serve({ 'complaints.detail': () => ({ ...c, voice: null, timeline: [{ at: '2025-06-05T02:00:00.000Z', action: 'supplement', label: '补充材料', status: 'accepted', note: '', byRole: 'resident', internal: false, voice: { url: '/files/upl-voice-supplement?sig=y', seconds: 13, pending: false } }] }) });
    const { ComplaintCase } = await import('@/packages/official/complaint/index');
    const view = render(<ComplaintCase id='cmp-0001-abcdef' pane={pane} />);
    await waitFor(() => expect(view.container.querySelector('#timeline-voice-0-play')).not.toBeNull());
    expect(view.container.querySelector('#timeline-voice-0')!.textContent).not.toContain('审核中');
    fireEvent.click(view.container.querySelector('#timeline-voice-0-play')!);
    expect(audio.src).toBe('/files/upl-voice-supplement?sig=y');
    expect(audio.play).toHaveBeenCalled();
  });
});
