/** The top line of a list card (`sp-item`): its title, and its status as a coloured chip (`sp-status--<tone>`). */
import { Text, View } from '@tarojs/components';

export default function ItemHead({ title, status, tone }: { title: string; status: string; tone: string }) {
  return (
    <View className='sp-item__top'>
      <Text className='sp-item__title'>{title}</Text>
      <Text className={`sp-status sp-status--${tone}`}>{status}</Text>
    </View>
  );
}
