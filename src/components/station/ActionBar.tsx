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
        <View id='btn-call' className='btn btn--primary btn--grow mr' hoverClass='tap-active' onClick={() => callPhone(s.phone)}>
          打电话
        </View>
        <View id='btn-navigate' className='btn btn--secondary btn--grow' hoverClass='tap-active' onClick={navigate}>
          导航
        </View>
      </View>
      {showPlace ? (
        <View id='place-fallback' className='notice notice--info'>
          <Text className='notice__title'>这里不能直接打开地图，请用下面的地址或坐标在地图软件里查找</Text>
          <Text className='notice__text' userSelect>
            地址：{s.address}
          </Text>
          <Text id='station-coords' className='notice__text' userSelect>
            坐标（GCJ-02，高德/腾讯地图可用）：{formatCoord(s.location)}
          </Text>
          <View id='btn-copy-place' className='btn btn--ghost btn--small btn--inline' hoverClass='tap-active' onClick={copy}>
            复制地址
          </View>
        </View>
      ) : null}
    </View>
  );
}
