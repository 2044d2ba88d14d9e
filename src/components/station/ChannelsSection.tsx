/** 监督投诉渠道: every phone channel can be called with one tap. */
import { Text, View } from '@tarojs/components';
import type { StationDetail } from '@core/station/api';
import { isDialable } from '../../utils/format';
import { callPhone } from '../../utils/phone';
import Section from './Section';
import Button from '../../ui/Button';

export default function ChannelsSection({ station }: { station: StationDetail }) {
  return (
    <Section id='section-channels' title='监督投诉'>
      {station.complaintChannels.length ? null : <Text className='text-muted'>可拨打 12345 政务服务热线</Text>}
      {station.complaintChannels.map((c, i) => (
        <View key={`${c.kind}-${i}`} className='channel'>
          <View className='channel__info'>
            <Text className='channel__label'>{c.label}</Text>
            <Text className='channel__value'>{c.value}</Text>
          </View>
          {isDialable(c.value) ? (
            <Button id={`btn-channel-${i}`} className='btn btn--ghost btn--small' onClick={() => callPhone(c.value)}>
              拨打
            </Button>
          ) : null}
        </View>
      ))}
    </Section>
  );
}
