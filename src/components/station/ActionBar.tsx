/**
 * 打电话 / 导航. Navigation opens WeChat's map at the station's GCJ-02 point; where that is not
 * available (H5) it shows the coordinates and a copyable address instead.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { StationDetail } from '@core/station/api';
import { formatCoord } from '../../utils/geo';
import { callPhone } from '../../utils/phone';
import Button from '../../ui/Button';

export default function ActionBar({ station: s }: { station: StationDetail }) {
  const [showPlace, setShowPlace] = useState(false);

  const navigate = () => {
    if (process.env.TARO_ENV === 'weapp') {
      Taro.openLocation({ latitude: s.location.lat, longitude: s.location.lng, name: s.name, address: s.address, scale: 16 }).catch(() =>
        setShowPlace(true),
      );
    } else {
      setShowPlace(!showPlace);
    }
  };
  const copy = () => {
    Taro.setClipboardData({ data: `${s.name} ${s.address}` }).catch(() => undefined);
  };

  return (
    <View className='actions'>
      <View className='actions__row'>
        <Button id='btn-call' className='btn btn--primary btn--grow mr' onClick={() => callPhone(s.phone)}>
          打电话
        </Button>
        <Button id='btn-navigate' className='btn btn--secondary btn--grow' onClick={navigate}>
          导航
        </Button>
      </View>
      {showPlace ? (
        <View id='place-fallback' className='notice notice--info'>
          <Text className='notice__title'>这里不能直接打开地图，请用下面的地址或坐标在地图软件里查找</Text>
          <Text className='notice__text' userSelect>
            地址：{s.address}
          </Text>
          <Text id='station-coords' className='notice__text' userSelect>
            坐标（可在高德、腾讯地图中查找）：{formatCoord(s.location)}
          </Text>
          <Button id='btn-copy-place' className='btn btn--ghost btn--small btn--inline' onClick={copy}>
            复制地址
          </Button>
        </View>
      ) : null}
    </View>
  );
}
