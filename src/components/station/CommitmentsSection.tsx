import { Text, View } from '@tarojs/components';
import type { StationDetail } from '@core/station/api';
import Section from './Section';

export default function CommitmentsSection({ station }: { station: StationDetail }) {
  return (
    <Section id='section-commitments' title='服务承诺'>
      {station.commitments.length ? null : <Text className='text-muted'>暂未公布</Text>}
      {station.commitments.map((c, i) => (
        <View key={i} className='bullet'>
          <Text className='bullet__dot'>•</Text>
          <Text className='bullet__text'>{c}</Text>
        </View>
      ))}
    </Section>
  );
}
