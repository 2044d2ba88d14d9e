/**
 * One choice in a list of options (sp-option): a title and a line under it. With `on` given it is
 * one of a set and shows its mark (● chosen, ○ not).
 */
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import Button from '../../../ui/Button';

interface Props {
  id: string;
  title: ReactNode;
  sub: ReactNode;
  on?: boolean;
  onClick: () => void;
}

export default function OptionButton({ id, title, sub, on, onClick }: Props) {
  const marked = on !== undefined;
  return (
    <Button id={id} className={marked ? `sp-option ${on ? 'sp-option--on' : ''}` : 'sp-option'} onClick={onClick}>
      {marked ? <Text className='sp-option__mark'>{on ? '●' : '○'}</Text> : null}
      <View className='sp-option__body'>
        <Text className='sp-option__title'>{title}</Text>
        <Text className='sp-option__sub'>{sub}</Text>
      </View>
    </Button>
  );
}
