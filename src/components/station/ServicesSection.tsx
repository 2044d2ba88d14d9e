import { Text } from '@tarojs/components';
import type { StationDetail } from '@core/station/api';
import ServiceChips from '../ServiceChips';
import Section from './Section';

export default function ServicesSection({ station }: { station: StationDetail }) {
  return (
    <Section id='section-services' title='服务项目'>
      {station.services.length ? <ServiceChips services={station.services} /> : <Text className='text-muted'>暂未公布</Text>}
    </Section>
  );
}
