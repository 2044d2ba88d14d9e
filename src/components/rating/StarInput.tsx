/** One dimension: its name, five big star buttons, and the choice in words. */
import { Text, View } from '@tarojs/components';
import { STAR_WORDS } from '../../ui/format';
import Button from '../../ui/Button';
import { ErrorLine } from '../../ui/send';

interface Props {
  dimension: string;
  label: string;
  value: number | undefined;
  onChange: (n: number) => void;
  error?: string;
}

export default function StarInput({ dimension, label, value, onChange, error }: Props) {
  return (
    <View id={`rating-dim-${dimension}`} className={`stars-input ${error ? 'stars-input--error' : ''}`}>
      <View className='stars-input__head'>
        <Text className='stars-input__label'>{label}</Text>
        <Text id={`rating-word-${dimension}`} className='stars-input__word'>
          {value ? `${value} 星 · ${STAR_WORDS[value]}` : '请打星'}
        </Text>
      </View>
      <View className='stars-input__row'>
        {[1, 2, 3, 4, 5].map((n) => (
          <Button
            key={n}
            id={`rating-star-${dimension}-${n}`}
            className={`star ${value && n <= value ? 'star--on' : ''}`}
            role='radio'
            checked={value === n}
            label={`${label} ${n} 星`}
            onClick={() => onChange(n)}
          >
            <Text>{value && n <= value ? '★' : '☆'}</Text>
          </Button>
        ))}
      </View>
      <ErrorLine id={`rating-error-${dimension}`} error={error} />
    </View>
  );
}
