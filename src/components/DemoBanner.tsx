/**
 * "当前为演示数据": shown when the data is known to be demonstration data (H5 local server, or a
 * station page said so). Honest by default: nothing is claimed when it is not known.
 */
import { Text, View } from '@tarojs/components';
import { useDemoData } from '../store/demo';

export default function DemoBanner({ forced }: { forced?: boolean }) {
  const demo = useDemoData();
  if (!demo && !forced) return null;
  return (
    <View id='demo-banner' className='demo-banner'>
      <Text>当前为演示数据，不代表真实站点</Text>
    </View>
  );
}
