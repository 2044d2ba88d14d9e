import { Text, View } from '@tarojs/components';
import type { Badge } from '../utils/trust';

export default function Badges({ badges, className }: { badges: Badge[]; className?: string }) {
  if (!badges.length) return null;
  return (
    <View className={`badges ${className ?? ''}`}>
      {badges.map((b) => (
        <Text key={b.key} className={`badge badge--${b.tone} badge-${b.key}`}>
          {b.text}
        </Text>
      ))}
    </View>
  );
}
