/** A head's assessment result: the total and grade (or 培育期免考), each part with its score, weight and basis. */
import { Text, View } from '@tarojs/components';
import type { AssessmentPartView } from '../../../services/heads';

export function ResultBadge({ id, exempt, total, gradeLabel }: { id?: string; exempt: boolean; total: number | null; gradeLabel: string | null }) {
  if (exempt) return <Text id={id} className='sp-status sp-status--muted'>培育期免考</Text>;
  const tone = gradeLabel === '不合格' ? 'danger' : gradeLabel === '合格' ? 'warn' : 'ok';
  return (
    <Text id={id} className={`sp-status sp-status--${tone}`}>
      {total} 分 · {gradeLabel}
    </Text>
  );
}

export function PartsList({ id, parts }: { id: string; parts: AssessmentPartView[] }) {
  return (
    <View id={id} className='hd-parts'>
      {parts.map((p) => (
        <View key={p.part} id={`${id}-${p.part}`} className='hd-part'>
          <Text className='hd-part__label'>
            {p.label}（权重 {p.weight}）
          </Text>
          <Text className='hd-part__score'>{p.score === null ? '不计' : `${p.score} 分`}</Text>
          <Text className='hd-part__basis'>{p.basis}</Text>
        </View>
      ))}
    </View>
  );
}
