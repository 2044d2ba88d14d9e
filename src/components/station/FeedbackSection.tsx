/**
 * PLACEHOLDER — 评价 (PRODUCT §4) and 投诉 (§3) entries go here when those features land:
 *  - a "我要投诉" button (→ complaints subpackage, pre-filled with this station),
 *  - the published rating summary and the "我要评价" entry.
 * Until then it points to the supervision channels above, so nobody is left without a way to complain.
 */
import { Text } from '@tarojs/components';
import type { StationDetail } from '@core/station/api';
import Section from './Section';

export default function FeedbackSection(_props: { station: StationDetail }) {
  return (
    <Section id='section-feedback' title='评价与投诉'>
      <Text className='text-muted'>在线评价和投诉功能即将开通。现在如需投诉，请拨打上面“监督投诉”中的电话。</Text>
    </Section>
  );
}
