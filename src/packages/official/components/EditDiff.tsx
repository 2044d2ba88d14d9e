/** The before/after comparison of a proposed edit: each changed field, old lines struck, new lines marked. */
import { Text, View } from '@tarojs/components';
import type { DiffLine } from '../../../services/edits';
import PhotoStrip from '../../../ui/PhotoStrip';

/** `photos`: links of the photos before and after, shown under the photos field's columns. */
export default function EditDiff({ id, diff, photos }: { id: string; diff: DiffLine[]; photos?: { before: string[]; after: string[] } }) {
  if (!diff.length) return <Text className='sp-item__line'>没有改动</Text>;
  return (
    <View id={id} className='sp-diff'>
      {diff.map((d) => {
        const removed = d.before.filter((l) => !d.after.includes(l));
        const added = d.after.filter((l) => !d.before.includes(l));
        return (
          <View key={d.field} id={`${id}-${d.field}`} className='sp-diff__field'>
            <Text className='sp-diff__label'>{d.label}</Text>
            <View className='sp-diff__cols'>
              <View className='sp-diff__col'>
                <Text className='sp-diff__head'>修改前</Text>
                {d.before.length ? d.before.map((l, i) => <Text key={i} className={`sp-diff__line ${removed.includes(l) ? 'sp-diff__line--removed' : ''}`}>{removed.includes(l) ? `－ ${l}` : l}</Text>) : <Text className='sp-diff__line'>（空）</Text>}
                {d.field === 'photos' && photos ? <PhotoStrip id={`${id}-photos-before`} urls={photos.before} label='修改前照片' small /> : null}
              </View>
              <View className='sp-diff__col'>
                <Text className='sp-diff__head'>修改后</Text>
                {d.after.length ? d.after.map((l, i) => <Text key={i} className={`sp-diff__line ${added.includes(l) ? 'sp-diff__line--added' : ''}`}>{added.includes(l) ? `＋ ${l}` : l}</Text>) : <Text className='sp-diff__line'>（空）</Text>}
                {d.field === 'photos' && photos ? <PhotoStrip id={`${id}-photos-after`} urls={photos.after} label='修改后照片' small /> : null}
              </View>
            </View>
          </View>
        );
      })}
    </View>
  );
}
