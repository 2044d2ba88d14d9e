/** Pick a region (city → county → township); the home page then lists its stations. */
import Taro from '@tarojs/taro';
import PageShell from '../../components/PageShell';
import RegionPicker from '../../components/RegionPicker';
import { announceRegion, type ChosenRegion } from '../../store/region';

export default function RegionPage() {
  const pick = (region: ChosenRegion) => {
    announceRegion(region);
    if (Taro.getCurrentPages().length > 1) Taro.navigateBack();
    else Taro.reLaunch({ url: '/pages/index/index' });
  };
  return (
    <PageShell id='page-region' heading='按地区查找站点'>
      <RegionPicker onPick={pick} />
    </PageShell>
  );
}
