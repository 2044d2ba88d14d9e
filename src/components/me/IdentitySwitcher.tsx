/**
 * H5 local mode only: switch between the local server's demo identities (GET /dev/identities).
 * The chosen openid goes out as X-WX-OPENID; switching reloads so nothing cached from the
 * previous identity stays on screen. Renders nothing in weapp or against a non-demo server.
 */
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { currentOpenid, isLocalMode, listDemoIdentities, setDemoOpenid, type DemoIdentity } from '../../services/identity';
import Button from '../../ui/Button';

function reloadApp(): void {
  if (typeof window !== 'undefined') window.location.reload();
}

interface Props {
  /** After the identity changed (default: reload the page). */
  onSwitched?: () => void;
}

export default function IdentitySwitcher({ onSwitched = reloadApp }: Props) {
  const [list, setList] = useState<DemoIdentity[] | null>(null);
  const [current, setCurrent] = useState<string | null>(currentOpenid);

  useEffect(() => {
    if (!isLocalMode()) return;
    let alive = true;
    listDemoIdentities().then((ids) => alive && setList(ids));
    return () => {
      alive = false;
    };
  }, []);

  if (!isLocalMode() || !list || !list.length) return null;

  const choose = (openid: string | null) => {
    if (openid === current) return;
    setDemoOpenid(openid);
    setCurrent(openid);
    onSwitched();
  };

  return (
    <View id='identity-switcher' className='section identity-switcher'>
      <Text className='section__title'>演示身份</Text>
      <Text className='small text-muted'>本地演示服务器才有。选一个身份，页面会重新加载。</Text>
      <View className='section__body'>
        {list.map((i) => {
          const on = i.openid === current;
          return (
            <Button
              key={i.openid}
              id={`identity-${i.openid}`}
              className={`identity ${on ? 'identity--on' : ''}`}
              onClick={() => choose(i.openid)}
            >
              <View className='identity__text'>
                <Text className='identity__name'>{i.name}</Text>
                {i.note ? <Text className='identity__note'>{i.note}</Text> : null}
              </View>
              <Text className='identity__mark'>{on ? '当前' : '切换'}</Text>
            </Button>
          );
        })}
        <Button id='identity-none' className={`identity ${current ? '' : 'identity--on'}`} onClick={() => choose(null)}>
          <View className='identity__text'>
            <Text className='identity__name'>不登录</Text>
            <Text className='identity__note'>只能查站点，不能投诉和评价</Text>
          </View>
          <Text className='identity__mark'>{current ? '切换' : '当前'}</Text>
        </Button>
      </View>
    </View>
  );
}
