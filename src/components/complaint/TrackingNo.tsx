/** The tracking number, selectable and with a 复制 button (for 12345 or a later look-up). */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import Button from '../../ui/Button';

export default function TrackingNo({ value }: { value: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    Taro.setClipboardData({ data: value }).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <View className='tracking'>
      <Text className='tracking__label'>投诉编号</Text>
      <Text id='complaint-tracking-no' className='tracking__no' userSelect>
        {value}
      </Text>
      <Button id='btn-copy-tracking' className='btn btn--ghost btn--small' onClick={copy}>
        {copied ? '已复制' : '复制'}
      </Button>
    </View>
  );
}
