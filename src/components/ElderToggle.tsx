import { Text, View } from '@tarojs/components';
import { useElderMode } from '../store/elder';
import Button from '../ui/Button';

/** The 长辈模式 switch: one big target, says its state in words. */
export default function ElderToggle() {
  const [on, setOn] = useElderMode();
  return (
    <Button id='elder-toggle' role='switch' checked={on} label='长辈模式' className={`elder-toggle ${on ? 'elder-toggle--on' : ''}`} onClick={() => setOn(!on)}>
      <Text className='elder-toggle__label'>长辈模式</Text>
      <View className='elder-toggle__track'>
        <View className='elder-toggle__knob' />
      </View>
      <Text className='elder-toggle__state'>{on ? '开' : '关'}</Text>
    </Button>
  );
}
