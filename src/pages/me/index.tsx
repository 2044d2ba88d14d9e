/**
 * 我的: my complaints, my ratings, 我要投诉, 长辈模式, the links into the subpackages (招募与公示,
 * 工作台 — MoreEntries); in H5 local mode the demo identity switcher.
 */
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import IdentitySwitcher from '../../components/me/IdentitySwitcher';
import MoreEntries from '../../components/MoreEntries';
import PageShell from '../../components/PageShell';
import Toggle from '../../components/Toggle';
import { useElderMode } from '../../store/elder';
import ArrowItem from '../../ui/ArrowItem';

interface Entry {
  id: string;
  title: string;
  sub: string;
  url: string;
}

const ENTRIES: Entry[] = [
  { id: 'me-complaints', title: '我的投诉', sub: '看处理进度、评价处理结果', url: '/pages/complaint/mine/index' },
  { id: 'me-ratings', title: '我的评价', sub: '我给站点打的分', url: '/pages/rating/mine/index' },
  { id: 'me-new-complaint', title: '我要投诉', sub: '站点乱收费、态度差、不开门……', url: '/pages/complaint/new/index' },
  { id: 'me-report-unlisted', title: '举报冒名站点', sub: '挂着电商扶贫牌子，却查不到的站点', url: '/pages/report-unlisted/index' },
];

export default function MePage() {
  const [elder, setElder] = useElderMode();
  const open = (url: string) => Taro.navigateTo({ url });

  return (
    <PageShell id='page-me' heading='我的'>
      <View className='entries'>
        {ENTRIES.map((e) => (
          <ArrowItem key={e.id} id={e.id} look='entry' title={e.title} sub={e.sub} onClick={() => open(e.url)} />
        ))}
      </View>

      <View className='section'>
        <Toggle id='me-elder-toggle' label='长辈模式（字大、按钮大）' on={elder} onChange={setElder} />
      </View>

      <MoreEntries />

      <IdentitySwitcher />
    </PageShell>
  );
}
