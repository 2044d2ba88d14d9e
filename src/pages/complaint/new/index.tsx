/**
 * 我要投诉: `?stationId=&stationName=` from a station page, or no station yet → search and pick.
 * The form keeps a draft on the phone; after success the tracking number and deadlines.
 */
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import ComplaintForm from '../../../components/complaint/ComplaintForm';
import ComplaintSuccess from '../../../components/complaint/ComplaintSuccess';
import StationPicker from '../../../components/complaint/StationPicker';
import PageShell from '../../../components/PageShell';
import { stations } from '../../../services/api';
import type { ComplaintView } from '../../../services/complaints';
import { loadDraft } from '../../../store/complaintDraft';
import { param } from '../../../utils/params';

export default function NewComplaintPage() {
  const { params } = useRouter();
  const initialId = param(params.stationId);
  const [station, setStation] = useState<{ id: string; name: string } | null>(() =>
    initialId ? { id: initialId, name: param(params.stationName) || loadDraft(initialId)?.stationName || '' } : null,
  );
  const [done, setDone] = useState<ComplaintView | null>(null);

  // Opened by a link without the name: look it up (the form works without it meanwhile).
  useEffect(() => {
    if (!station || station.name) return;
    let alive = true;
    stations.get({ id: station.id }).then(
      (s) => alive && setStation((cur) => (cur && cur.id === s.id ? { ...cur, name: s.name } : cur)),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [station?.id]);

  const openMine = () => Taro.navigateTo({ url: '/pages/complaint/mine/index' });
  const back = () => {
    if (Taro.getCurrentPages().length > 1) Taro.navigateBack();
    else Taro.reLaunch({ url: '/pages/index/index' });
  };

  if (done) {
    return (
      <PageShell id='page-complaint-new' heading='投诉已提交'>
        <ComplaintSuccess view={done} onOpen={() => Taro.redirectTo({ url: `/pages/complaint/detail/index?id=${encodeURIComponent(done.id)}` })} onBack={back} />
      </PageShell>
    );
  }
  return (
    <PageShell id='page-complaint-new' heading={station ? '填写投诉' : '选择站点'}>
      {station ? (
        <ComplaintForm
          key={station.id}
          stationId={station.id}
          stationName={station.name}
          onSubmitted={setDone}
          onOpenMine={openMine}
          onOpenComplaint={(id) => Taro.navigateTo({ url: `/pages/complaint/detail/index?id=${encodeURIComponent(id)}` })}
        />
      ) : (
        <StationPicker onPick={setStation} />
      )}
    </PageShell>
  );
}
