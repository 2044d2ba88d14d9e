/**
 * "更多" links into the subpackages: 招募与公示 (everyone) and 工作台 (only for people the server
 * says handle complaints or run a station — account.me; hiding it is convenience, the server
 * checks every action).
 */
import { Text, View } from '@tarojs/components';
import { useRefreshOnShow } from '../hooks/useRefreshOnShow';
import { useEffect, useState } from 'react';
import { account } from '../services/account';
import NavButtons from '../ui/NavButtons';

export const APPLY_HOME = '/packages/apply/index/index';
export const ENTITY_APPLY = '/packages/apply/entity/index';
export const WORKBENCH_HOME = '/packages/official/home/index';
export const ACCEPT_INVITE = '/packages/official/accept/index';

export default function MoreEntries() {
  const [staff, setStaff] = useState(false);
  const check = () => {
    account.me().then(
      (me) => setStaff(me.isHandler || me.isStationHead),
      () => setStaff(false),
    );
  };
  useEffect(check, []);
  // Coming back to the page: the identity may have changed (H5 demo identities); me() is cached per identity.
  useRefreshOnShow(check);

  return (
    <View id='more-entries' className='section'>
      <Text className='section__title'>更多</Text>
      <NavButtons
        className='section__body'
        links={[
          { id: 'entry-apply', text: '招募与公示（站点负责人报名、公示）', url: APPLY_HOME, className: 'btn btn--ghost btn--block' },
          { id: 'entry-entity', text: '站点申办（企业申办服务站点）', url: ENTITY_APPLY, className: 'btn btn--ghost btn--block' },
          staff && { id: 'entry-workbench', text: '工作台（投诉办理、招募管理）', url: WORKBENCH_HOME, className: 'btn btn--secondary btn--block' },
          { id: 'entry-accept', text: '我有授权码（工作人员开通）', url: ACCEPT_INVITE, className: 'btn btn--ghost btn--block' },
        ]}
      />
    </View>
  );
}
