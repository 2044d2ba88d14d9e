/** A row of filter chips, one of them on: the status / period filters above a list. */
import { View } from '@tarojs/components';
import Button from '../../../ui/Button';

interface Props<T extends string | number> {
  /** Ids `<prefix>-<code>`. */
  idPrefix: string;
  options: readonly (readonly [T, string])[];
  value: T;
  onChange: (v: T) => void;
}

export default function ChipRow<T extends string | number>({ idPrefix, options, value, onChange }: Props<T>) {
  return (
    <View className='chips'>
      {options.map(([code, label]) => (
        <Button key={code} id={`${idPrefix}-${code}`} className={`chip ${value === code ? 'chip--on' : ''}`} onClick={() => onChange(code)}>
          {label}
        </Button>
      ))}
    </View>
  );
}
