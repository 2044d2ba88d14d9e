/** 投诉详情 `?id=` (or `?trackingNo=`): my complaint, its deadlines, reply, timeline and actions. */
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import ComplaintDetailView from '../../../components/complaint/ComplaintDetailView';
import PageShell from '../../../components/PageShell';
import { EmptyState, ErrorState, Skeleton } from '../../../components/StateViews';
import { complaints, type ComplaintView } from '../../../services/complaints';
import { toApiError, type ApiError } from '../../../services/transport';
import { param } from '../../../utils/params';
import { askForComplaintUpdates, canAskForUpdates } from '../../../services/subscribe';
import Button from '../../../ui/Button';

export default function ComplaintDetailPage() {
  const { params } = useRouter();
  const id = param(params.id);
  const trackingNo = param(params.trackingNo);
  const [view, setView] = useState<ComplaintView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const seq = useRef(0);

  const load = useCallback((quiet = false) => {
    const n = ++seq.current;
    setError(null);
    if (!quiet) setView(null);
    const input = id ? { id } : { trackingNo };
    complaints.get(input).then(
      (v) => n === seq.current && setView(v),
      (e) => n === seq.current && setError(toApiError(e)),
    );
  }, [id, trackingNo]);

  useEffect(() => load(), [load]);

  usePullDownRefresh(() => {
    load(true);
    Taro.stopPullDownRefresh();
  });

  const goMine = () => Taro.redirectTo({ url: '/pages/complaint/mine/index' });
  const final = error && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION_ERROR' || error.code === 'FORBIDDEN');

  return (
    <PageShell id='page-complaint-detail' heading='投诉详情'>
      {!view && !error ? <Skeleton id='complaint-loading' rows={2} /> : null}
      {final ? <EmptyState id='complaint-error' text={error.message} actionText='看我的投诉' onAction={goMine} actionId='btn-mine' /> : null}
      {error && !final ? <ErrorState id='complaint-error' message={error.message} onRetry={() => load(!!view)} /> : null}
      {view ? <ComplaintDetailView view={view} onChange={setView} onReload={() => load(true)} /> : null}
      {view?.mergedInto ? (
        // 并单: the reply comes on the case this one was merged into.
        <Button id='btn-merged-into' className='btn btn--primary btn--block' onClick={() => Taro.navigateTo({ url: `/pages/complaint/detail/index?id=${view.mergedInto}` })}>
          已与同类投诉合并办理，查看办理进展和答复
        </Button>
      ) : null}
      {view && canAskForUpdates(view.status) ? (
        // One-time consents: asked again at each open stage for what can happen next.
        <Button id='btn-notify-me' className='btn btn--ghost btn--block' onClick={() => askForComplaintUpdates(view.status)}>
          有进展时微信通知我
        </Button>
      ) : null}
    </PageShell>
  );
}
