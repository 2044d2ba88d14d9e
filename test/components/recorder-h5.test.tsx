/**
 * The H5 recorder's format (issue 11 §6): WeChat's audio check names no WebM, so MP4/AAC is taken
 * where MediaRecorder offers it, Ogg then WebM (Opus) only as the last resort.
 */
import { pickRecordingType } from '../../src/services/recorder.h5';

const supports = (...types: string[]) => (t: string) => types.includes(t);

test('Safari and recent Chromium: AAC in MP4', () => {
  expect(pickRecordingType(supports('audio/mp4;codecs=mp4a.40.2', 'audio/mp4', 'audio/webm;codecs=opus'))).toBe('audio/mp4;codecs=mp4a.40.2');
  expect(pickRecordingType(supports('audio/mp4', 'audio/webm;codecs=opus'))).toBe('audio/mp4');
});

test('Firefox: Ogg before WebM; older Chromium: WebM as the fallback', () => {
  expect(pickRecordingType(supports('audio/webm;codecs=opus', 'audio/ogg;codecs=opus'))).toBe('audio/ogg;codecs=opus');
  expect(pickRecordingType(supports('audio/webm;codecs=opus'))).toBe('audio/webm;codecs=opus');
});

test('no isTypeSupported, or nothing known: the browser default', () => {
  expect(pickRecordingType(undefined)).toBeUndefined();
  expect(pickRecordingType(supports('video/webm'))).toBeUndefined();
});
