import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

interface Props {
  id: string;
  title: string;
  children?: ReactNode;
  /** Small text at the right of the title (e.g. "第十条"). */
  aside?: string;
}

export default function Section({ id, title, aside, children }: Props) {
  return (
    <View id={id} className='section'>
      <View className='section__head'>
        <Text className='section__title'>{title}</Text>
        {aside ? <Text className='section__aside'>{aside}</Text> : null}
      </View>
      <View className='section__body'>{children}</View>
    </View>
  );
}
