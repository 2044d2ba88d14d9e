/**
 * Every page's root: applies the elder-mode class (`page--elder`) and carries the slim header
 * with the 长辈模式 switch. Pages stay thin and put their content inside.
 */
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useElderMode } from '../store/elder';
import ElderToggle from './ElderToggle';

interface Props {
  id?: string;
  /** Short line at the left of the header (page context); the app name shows in the nav bar. */
  heading?: string;
  className?: string;
  children?: ReactNode;
}

export default function PageShell({ id, heading, className, children }: Props) {
  const [elder] = useElderMode();
  return (
    <View id={id} className={`page ${elder ? 'page--elder' : ''} ${className ?? ''}`}>
      {/* Landmarks: screen readers jump to the content; axe wants every part of the page in one. */}
      <View className='page__header' {...{ role: 'banner' }}>
        <Text className='page__heading'>{heading ?? ''}</Text>
        <ElderToggle />
      </View>
      <View className='page__main' {...{ role: 'main' }}>
        {children}
      </View>
    </View>
  );
}
