import { Text, View } from '@tarojs/components';
import type { StationDetail } from '@core/station/api';
import Section from './Section';

/** 重点服务流程: each process as numbered steps. */
export default function ProcessesSection({ station }: { station: StationDetail }) {
  return (
    <Section id='section-processes' title='办事流程'>
      {station.processes.length ? null : <Text className='text-muted'>暂未公布</Text>}
      {station.processes.map((p, i) => (
        <View key={`${p.title}-${i}`} className='process'>
          <Text className='sub-title'>{p.title}</Text>
          {p.steps.map((step, j) => (
            <View key={j} className='step'>
              <Text className='step__no'>{j + 1}</Text>
              <Text className='step__text'>{step}</Text>
            </View>
          ))}
        </View>
      ))}
    </Section>
  );
}
