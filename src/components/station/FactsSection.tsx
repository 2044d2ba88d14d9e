/** 站点概况: where it is, its size, the platforms it works with, and how fresh this page is. */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StationDetail } from '@core/station/api';
import { LEVEL_LABELS } from '@core/station/vocabulary';
import { formatCount, formatDate } from '../../utils/format';
import Section from './Section';
import Button from '../../ui/Button';

function Row({ k, v, id }: { k: string; v: string; id?: string }) {
  return (
    <View className='kv'>
      <Text className='kv__k'>{k}</Text>
      <Text id={id} className='kv__v' userSelect>
        {v}
      </Text>
    </View>
  );
}

export default function FactsSection({ station: s }: { station: StationDetail }) {
  const regionPath = s.regionPath.map((r) => r.name).join(' › ');
  const copyAddress = () => {
    Taro.setClipboardData({ data: `${s.name} ${s.address}` }).catch(() => undefined);
  };
  return (
    <Section id='section-facts' title='站点概况'>
      <Row k='级别' v={LEVEL_LABELS[s.level]} />
      <Row k='站点编号' v={s.code} />
      <Row k='所在地区' v={regionPath} id='station-region' />
      <View className='kv'>
        <Text className='kv__k'>地址</Text>
        <Text id='station-address' className='kv__v' userSelect>
          {s.address}
        </Text>
      </View>
      <Button id='btn-copy-address' className='btn btn--ghost btn--small btn--inline' onClick={copyAddress}>
        复制地址
      </Button>
      <Row k='使用面积' v={`${s.areaSqm} ㎡`} />
      <Row k='服务人口' v={`约 ${formatCount(s.servicePopulation)}人`} />
      <Row k='合作平台' v={s.platforms.length ? s.platforms.join('、') : '暂未公布'} />
      <View id='freshness' className={`freshness ${s.stale ? 'freshness--stale' : ''}`}>
        <Text>信息核实于 {formatDate(s.infoConfirmedOn)}</Text>
        {s.stale ? <Text className='freshness__warn'>信息可能已过期，去之前请先打电话确认</Text> : null}
      </View>
    </Section>
  );
}
