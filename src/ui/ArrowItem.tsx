/** A row that opens something: a name, a line under it, and › at the end. */
import { Text, View } from '@tarojs/components';
import Button from './Button';

/** The CSS block each kind of row is styled by: root, text column, name, line under it. */
const CLASSES = {
  /** The 我的 page's entries. */
  entry: ['entry', 'entry__text', 'entry__title', 'entry__sub'],
  /** Station lists (as under the map). */
  'map-list': ['map-list__item', 'map-list__text', 'map-list__name', 'map-list__meta'],
} as const;

export default function ArrowItem({ id, look, title, sub, onClick }: { id: string; look: keyof typeof CLASSES; title: string; sub: string; onClick: () => void }) {
  const [root, text, name, line] = CLASSES[look];
  return (
    <Button id={id} className={root} onClick={onClick}>
      <View className={text}>
        <Text className={name}>{title}</Text>
        <Text className={line}>{sub}</Text>
      </View>
      <Text className='region-item__arrow'>›</Text>
    </Button>
  );
}
