/**
 * Plays a voice note (说一说): one button, 播放/停止, with its length. InnerAudioContext in the
 * mini-program; Taro's H5 build implements the same API over an HTML audio element.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import Button from './Button';

type Audio = ReturnType<typeof Taro.createInnerAudioContext>;

export default function VoicePlayer({ id, url, seconds, note }: { id: string; url: string; seconds: number; /** Under the button, e.g. 审核中 */ note?: string }) {
  const [playing, setPlaying] = useState(false);
  const [failed, setFailed] = useState(false);
  const audio = useRef<Audio | null>(null);
  useEffect(
    () => () => {
      audio.current?.destroy();
      audio.current = null;
    },
    [url],
  );
  const toggle = () => {
    if (playing) {
      audio.current?.stop();
      setPlaying(false);
      return;
    }
    if (!audio.current) {
      const a = Taro.createInnerAudioContext();
      a.src = url;
      a.onEnded(() => setPlaying(false));
      a.onStop(() => setPlaying(false));
      a.onError(() => {
        setPlaying(false);
        setFailed(true);
      });
      audio.current = a;
    }
    setFailed(false);
    audio.current.play();
    setPlaying(true);
  };
  return (
    <View id={id} className='voice-player' data-playing={playing ? 'true' : 'false'}>
      <Button id={`${id}-play`} className={`btn btn--secondary voice-player__btn ${playing ? 'voice-player__btn--on' : ''}`} onClick={toggle} label={playing ? '停止播放录音' : `播放录音，${seconds} 秒`}>
        {playing ? '■ 停止' : '▶ 听录音'} {seconds}″
      </Button>
      {note ? <Text className='field__hint'>{note}</Text> : null}
      {failed ? <Text className='field__error'>录音放不出来，请稍后再试</Text> : null}
    </View>
  );
}
