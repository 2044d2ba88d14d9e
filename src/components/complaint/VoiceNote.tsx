/**
 * 说一说 (issue 11 §6): hold the button to record (at most VOICE_MAX_SECONDS, it stops itself),
 * listen before sending, record again or delete. The recording uploads at once, like a photo; the
 * form sends its id. With the weapp's 同声传译 plugin the transcript is handed to the form
 * (`onTranscript`) to fill the description for correcting. Reusable: any form with a voice field
 * (the complaint, 补充材料) passes its value and an onChange.
 */
import { Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { longEnough, VOICE_MAX_SECONDS } from '@core/media/voice';
import { recorder as platformRecorder, type Recorder, type Recording } from '../../services/recorder';
import type { DraftVoice } from '../../services/recorder-types';
import { a11yProps } from '../../ui/Button';
import Button from '../../ui/Button';
import VoicePlayer from '../../ui/VoicePlayer';

export type { DraftVoice } from '../../services/recorder-types';

interface Props {
  idPrefix?: string;
  value: DraftVoice | null;
  onChange: (v: DraftVoice | null) => void;
  /** While recording or uploading (the form waits before sending). */
  onBusyChange?: (busy: boolean) => void;
  onTranscript?: (text: string) => void;
  error?: string;
  /** Tests pass a fake; the app the platform's. */
  recorder?: Recorder;
}

type State = { kind: 'idle' } | { kind: 'recording'; since: number } | { kind: 'uploading'; rec: Recording } | { kind: 'failed'; message: string; rec?: Recording };

export default function VoiceNote({ idPrefix = 'voice', value, onChange, onBusyChange, onTranscript, error, recorder = platformRecorder }: Props) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [elapsed, setElapsed] = useState(0);
  const active = useRef<Awaited<ReturnType<Recorder['start']>> | null>(null);
  const starting = useRef<Promise<unknown> | null>(null);
  const lastTouch = useRef(0);

  const busy = state.kind === 'recording' || state.kind === 'uploading';
  useEffect(() => onBusyChange?.(busy), [busy, onBusyChange]);
  useEffect(() => () => active.current?.cancel(), []);
  useEffect(() => {
    if (state.kind !== 'recording') return;
    const timer = setInterval(() => setElapsed(Math.min(VOICE_MAX_SECONDS, Math.floor((Date.now() - state.since) / 1000))), 250);
    return () => clearInterval(timer);
  }, [state]);

  const upload = async (rec: Recording) => {
    if (!longEnough(rec.seconds)) {
      setState({ kind: 'failed', message: '说话时间太短了，请按住按钮多说几句' });
      return;
    }
    setState({ kind: 'uploading', rec });
    try {
      const id = await recorder.upload(rec);
      onChange({ id, seconds: rec.seconds, path: rec.path });
      if (rec.transcript) onTranscript?.(rec.transcript);
      setState({ kind: 'idle' });
    } catch (e) {
      setState({ kind: 'failed', message: (e as Error).message || '录音没有传上去，请重试', rec });
    }
  };

  const press = () => {
    if (busy || starting.current) return;
    setElapsed(0);
    setState({ kind: 'recording', since: Date.now() });
    const p = recorder
      .start((rec) => {
        // The cap reached while still held.
        active.current = null;
        void upload(rec);
      })
      .then(
        (a) => {
          active.current = a;
        },
        (e: Error) => {
          setState({ kind: 'failed', message: e.message });
        },
      )
      .finally(() => {
        starting.current = null;
      });
    starting.current = p;
  };

  const release = async () => {
    await starting.current;
    const a = active.current;
    if (!a) return;
    active.current = null;
    try {
      await upload(await a.stop());
    } catch (e) {
      setState({ kind: 'failed', message: (e as Error).message });
    }
  };

  // Touch first; a touch is followed by emulated mouse events, which are ignored.
  const onTouchStart = () => {
    lastTouch.current = Date.now();
    press();
  };
  const onTouchEnd = () => {
    lastTouch.current = Date.now();
    void release();
  };
  const fromMouse = (fn: () => void) => () => {
    if (Date.now() - lastTouch.current > 800) fn();
  };
  // Keyboards: Enter starts, Enter again stops.
  const keyToggle = () => (state.kind === 'recording' ? void release() : press());

  if (!recorder.supported()) return null;

  const recording = state.kind === 'recording';
  return (
    <View id={`${idPrefix}-note`} className='voice-note'>
      {value ? (
        <View id={`${idPrefix}-recorded`} className='voice-note__recorded'>
          <VoicePlayer id={`${idPrefix}-preview`} url={value.path} seconds={value.seconds} note='发送前可以先听一听' />
          <Button id={`${idPrefix}-delete`} className='link' onClick={() => onChange(null)}>
            不满意？删除后重录
          </Button>
        </View>
      ) : null}
      {!value || recording ? (
        <View
          id={`${idPrefix}-hold`}
          className={`btn btn--secondary btn--block voice-note__hold ${recording ? 'voice-note__hold--on' : ''}`}
          onTouchStart={onTouchStart}
          onTouchEnd={onTouchEnd}
          onTouchCancel={onTouchEnd}
          {...{ onMouseDown: fromMouse(press), onMouseUp: fromMouse(() => void release()), onMouseLeave: fromMouse(() => (recording ? void release() : undefined)) }}
          {...a11yProps({ onClick: keyToggle, label: recording ? '正在录音，松开结束' : '按住说一说' })}
        >
          {recording ? `正在录音 ${elapsed}″ / ${VOICE_MAX_SECONDS}″，松开结束` : state.kind === 'uploading' ? '录音上传中…' : '🎤 按住 说一说'}
        </View>
      ) : null}
      {!value && state.kind === 'idle' ? <Text className='field__hint'>打字不方便？按住按钮说，最长 {VOICE_MAX_SECONDS} 秒，说完松开。</Text> : null}
      {state.kind === 'failed' ? (
        <View id={`${idPrefix}-failed`} className='voice-note__failed'>
          <Text className='field__error'>{state.message}</Text>
          {state.rec && longEnough(state.rec.seconds) ? (
            <Button id={`${idPrefix}-retry`} className='link' onClick={() => void upload(state.rec!)}>
              重新上传
            </Button>
          ) : null}
        </View>
      ) : null}
      {error ? (
        <Text id={`error-${idPrefix}`} className='field__error'>
          {error}
        </Text>
      ) : null}
    </View>
  );
}
