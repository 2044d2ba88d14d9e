import { Text, View } from '@tarojs/components';
import { Picker } from '../../../ui/lazy-components';
import { formatDay } from '../../../ui/format';

/** A date picker that shows the chosen day in words ("12月4日"). */
export default function DateField({ id, value, onChange, start, end }: { id: string; value: string; onChange: (v: string) => void; start?: string; end?: string }) {
  return (
    <Picker mode='date' value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
      <View id={id} className='sp-picker' hoverClass='tap-active'>
        <Text>{value ? `${formatDay(value)}（${value}）` : '请选择日期'}</Text>
        <Text className='sp-picker__arrow'>▾</Text>
      </View>
    </Picker>
  );
}
