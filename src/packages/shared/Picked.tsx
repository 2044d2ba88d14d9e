/** What has been chosen (a station, a village), with 更换 to choose again. */
import { Text, View } from '@tarojs/components';
import Button from '../../ui/Button';

export default function Picked({ idPrefix, text, onChange }: { idPrefix: string; text: string; onChange: () => void }) {
  return (
    <View id={`${idPrefix}-chosen`} className='sp-picked'>
      <Text className='sp-picked__text'>{text}</Text>
      <Button id={`${idPrefix}-change`} className='link' onClick={onChange}>
        更换
      </Button>
    </View>
  );
}
