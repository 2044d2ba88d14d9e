/** 收费标准: item, price ("免费" / "5 元/件"), conditions. */
import { Text, View } from '@tarojs/components';
import type { StationDetail } from '@core/station/api';
import { formatPrice } from '../../utils/format';
import Section from './Section';

export default function FeesSection({ station }: { station: StationDetail }) {
  return (
    <Section id='section-fees' title='收费标准' aside='明码标价'>
      {station.fees.length ? null : <Text className='text-muted'>暂未公布收费标准，办理前请问清价格</Text>}
      {station.fees.map((f, i) => (
        <View key={`${f.item}-${i}`} className='fee'>
          <View className='fee__main'>
            <Text className='fee__item'>{f.item}</Text>
            <Text className={`fee__price ${f.price ? '' : 'fee__price--free'}`}>{formatPrice(f)}</Text>
          </View>
          {f.conditions ? <Text className='fee__cond'>{f.conditions}</Text> : null}
        </View>
      ))}
      {station.fees.length ? <Text className='text-muted small'>未列出的项目不得收费；多收费可以投诉。</Text> : null}
    </Section>
  );
}
