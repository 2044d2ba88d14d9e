/**
 * 404: an address the app does not have (a mistyped or outdated link). Says so in plain words
 * and offers the way on, instead of a blank page. `?from=` is the address that was asked for.
 */
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import PageShell from '../../components/PageShell';
import { param } from '../../utils/params';
import NavButtons, { type NavLink } from '../../ui/NavButtons';

const WAYS_ON: NavLink[] = [
  { id: 'btn-not-found-home', text: '回到首页', url: '/pages/index/index', className: 'btn btn--primary btn--big btn--block', open: 'reLaunch' },
  { id: 'btn-not-found-complain', text: '我要投诉', url: '/pages/complaint/new/index', className: 'btn btn--ghost btn--block', open: 'reLaunch' },
];

export default function NotFoundPage() {
  const { params } = useRouter();
  const from = param(params.from);
  return (
    <PageShell id='page-not-found' heading='没有这个页面'>
      <View className='card'>
        <Text className='notice__title'>没有找到这个页面</Text>
        <Text className='notice__text'>链接可能打错了，或者页面已经不用了。可以回到首页查找站点。</Text>
        {from ? <Text className='field__hint'>您打开的地址：{from.slice(0, 120)}</Text> : null}
      </View>
      <NavButtons className='form__submit' links={WAYS_ON} />
    </PageShell>
  );
}
