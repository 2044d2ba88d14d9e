/**
 * The selection rubric as rows of 评分项 + 权重; the running total says whether it reaches
 * exactly 100 (the form cannot be sent until it does).
 */
import { Text, View } from '@tarojs/components';
import { TextInput } from '../../../ui/form';
import { checkRubricRows, MAX_CRITERIA, type RubricRow } from '../utils/rubric';
import Button from '../../../ui/Button';

export default function RubricEditor({ rows, onChange }: { rows: RubricRow[]; onChange: (rows: RubricRow[]) => void }) {
  const check = checkRubricRows(rows);
  const set = (i: number, patch: Partial<RubricRow>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <View id='rubric-editor'>
      {rows.map((r, i) => (
        <View key={i} className='sp-rubric-row'>
          <View className='sp-rubric-row__name'>
            <TextInput id={`rubric-name-${i}`} value={r.criterion} onChange={(v) => set(i, { criterion: v })} placeholder='评分项，如：电商技能' maxlength={20} />
          </View>
          <View className='sp-rubric-row__weight'>
            <TextInput id={`rubric-weight-${i}`} type='number' value={r.weight} onChange={(v) => set(i, { weight: v.replace(/\D/g, '').slice(0, 3) })} placeholder='权重' maxlength={3} />
          </View>
          <Button id={`rubric-remove-${i}`} className={`btn ${rows.length <= 2 ? 'btn--disabled' : 'btn--ghost'}`} onClick={() => rows.length > 2 && onChange(rows.filter((_, k) => k !== i))}>
            删
          </Button>
        </View>
      ))}
      <Text id='rubric-sum' className={`sp-rubric-sum ${check.total === 100 ? 'sp-rubric-sum--ok' : 'sp-rubric-sum--bad'}`}>
        {check.total === 100 ? '权重合计 100 ✓' : `权重合计 ${check.total}，应为 100（${check.total > 100 ? `多了 ${check.total - 100}` : `还差 ${100 - check.total}`}）`}
      </Text>
      {check.message && !check.message.startsWith('权重合计') ? (
        <Text id='rubric-error' className='sp-field__error'>
          {check.message}
        </Text>
      ) : null}
      {rows.length < MAX_CRITERIA ? (
        <Button id='btn-add-criterion' className='btn btn--ghost btn--block' onClick={() => onChange([...rows, { criterion: '', weight: '' }])}>
          ＋ 添加评分项
        </Button>
      ) : null}
    </View>
  );
}
