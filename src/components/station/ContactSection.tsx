/** 联系方式 and the operating company (运营单位) with its hotline. */
import { Text, View } from '@tarojs/components';
import type { StationDetail } from '@core/station/api';
import { callPhone } from '../../utils/phone';
import Section from './Section';
import Button from '../../ui/Button';

export default function ContactSection({ station: s }: { station: StationDetail }) {
  return (
    <Section id='section-contact' title='联系方式'>
      <View className='channel'>
        <View className='channel__info'>
          <Text className='channel__label'>站点电话{s.contactPerson ? `（${s.contactPerson}）` : ''}</Text>
          <Text id='station-phone' className='channel__value'>
            {s.phone}
          </Text>
        </View>
        <Button id='btn-call-contact' className='btn btn--ghost btn--small' onClick={() => callPhone(s.phone)}>
          拨打
        </Button>
      </View>
      <View className='channel'>
        <View className='channel__info'>
          <Text className='channel__label'>运营单位：{s.operator.name}</Text>
          <Text id='operator-hotline' className='channel__value'>
            服务热线 {s.operator.hotline}
          </Text>
        </View>
        <Button id='btn-call-operator' className='btn btn--ghost btn--small' onClick={() => callPhone(s.operator.hotline)}>
          拨打
        </Button>
      </View>
    </Section>
  );
}
