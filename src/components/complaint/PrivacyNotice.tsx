/** What a complaint collects, who sees it, how long it is kept (个人信息保护法; docs/product.md §7). */
import { Text, View } from '@tarojs/components';

export default function PrivacyNotice({ shareIdentity }: { shareIdentity: boolean }) {
  return (
    <View id='complaint-privacy' className='privacy'>
      <Text className='privacy__title'>您的信息怎么用</Text>
      <Text className='privacy__line'>· 收集：投诉内容、照片（自动去掉拍摄地点）、您选填的电话。电话加密保存。</Text>
      <Text className='privacy__line'>· 谁能看：县商务主管部门和负责处理的工作人员，用来核实和回复。</Text>
      <Text className='privacy__line'>
        {shareIdentity
          ? '· 站点：您已允许，站点能看到是您投诉的，以及您留的电话（隐去中间 4 位）。'
          : '· 站点：只看到投诉内容，看不到您是谁，也看不到您的电话。'}
      </Text>
      <Text className='privacy__line'>· 公开：站点页面只显示投诉件数和办结率、满意率，不显示任何个人信息。</Text>
      <Text className='privacy__line'>· 保存：投诉办结后按规定期限保存，期满删除电话等个人信息。</Text>
    </View>
  );
}
