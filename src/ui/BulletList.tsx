/** Short points one under another, each after a dot (a post's requirements). */
import { Text, View } from '@tarojs/components';

export default function BulletList({ items }: { items: readonly string[] }) {
  return (
    <View className='sp-bullet-list'>
      {items.map((r, i) => (
        <View key={i} className='bullet'>
          <Text className='bullet__dot'>·</Text>
          <Text className='bullet__text'>{r}</Text>
        </View>
      ))}
    </View>
  );
}
