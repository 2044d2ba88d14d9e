/** A coloured box with a title and a sentence: the result of an action, a warning, a hint. */
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

type Tone = 'ok' | 'warn' | 'danger' | 'info';

export default function Notice({ id, tone, title, text, children }: { id?: string; tone: Tone; title?: string; text?: string; children?: ReactNode }) {
  return (
    <View id={id} className={`notice notice--${tone}`}>
      {title ? <Text className='notice__title'>{title}</Text> : null}
      {text ? <Text className='notice__text'>{text}</Text> : null}
      {children}
    </View>
  );
}

