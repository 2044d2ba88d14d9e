/**
 * Photos to look at (not to edit): a station's public photos, the photos of a proposed change,
 * of a 申办, of a rectification answer. Tapping one opens it full size. `urls` are short-lived
 * links from the server; an empty one (the storage could not link it) is left out.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Image } from './lazy-components';

interface Props {
  id?: string;
  urls: readonly string[];
  /** Said instead of an empty row (e.g. "没有照片"); nothing when absent. */
  empty?: string;
  /** Names each photo for screen readers: "站牌照片 1". */
  label?: string;
  /** Thumbnails (side-by-side comparisons). */
  small?: boolean;
}

export default function PhotoStrip({ id, urls, empty, label = '照片', small }: Props) {
  const shown = urls.filter(Boolean);
  if (!shown.length) return empty ? <Text id={id} className='field__hint'>{empty}</Text> : null;
  return (
    <View id={id} className={`photos__grid ${small ? 'photos__grid--small' : ''}`}>
      {shown.map((u, i) => (
        <View key={u} className='photo'>
          <Image className='photo__img' src={u} mode='aspectFill' ariaLabel={`${label} ${i + 1}`} onClick={() => void Taro.previewImage({ urls: shown, current: u }).catch(() => undefined)} />
        </View>
      ))}
    </View>
  );
}
