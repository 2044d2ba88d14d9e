/** A big on/off switch that says its state in words (same look as the 长辈模式 switch). */
import { Text, View } from '@tarojs/components';
import Button from '../ui/Button';

interface Props {
  id: string;
  label: string;
  on: boolean;
  onChange: (on: boolean) => void;
}

export default function Toggle({ id, label, on, onChange }: Props) {
  return (
    <Button id={id} role='switch' checked={on} label={label} className={`toggle ${on ? 'toggle--on' : ''}`} onClick={() => onChange(!on)}>
      <Text className='toggle__label'>{label}</Text>
      <View className='elder-toggle__track toggle__track'>
        <View className='elder-toggle__knob' />
      </View>
      <Text className='toggle__state'>{on ? '开' : '关'}</Text>
    </Button>
  );
}
