/**
 * "已有人反映？": open complaints on the same station and category. The resident may add their
 * voice to one ("我也遇到了") instead of filing again — or still file their own. Their own
 * complaint (e.g. one that arrived although the answer was lost) is shown as theirs, with its
 * progress, never as someone else's to join.
 */
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { ComplaintCategory } from '@core/complaint/model';
import { complaints, type SimilarItem } from '../../services/complaints';
import { toApiError, type ApiError } from '../../services/transport';
import { formatDay } from '../../ui/format';
import Button from '../../ui/Button';
import { askForComplaintUpdates } from '../../services/subscribe';

interface Props {
  stationId: string;
  category: ComplaintCategory;
  /** Open the villager's own complaint (its progress). */
  onOpenComplaint?: (id: string) => void;
}

type Joined = { supporters: number; message: string; ok: boolean };

export default function SimilarReports({ stationId, category, onOpenComplaint }: Props) {
  const [items, setItems] = useState<SimilarItem[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [joined, setJoined] = useState<Record<string, Joined>>({});
  const [joining, setJoining] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let alive = true;
    setItems(null);
    setError(null);
    complaints.similar({ stationId, category }).then(
      (list) => alive && setItems(list),
      (e) => alive && setError(toApiError(e)),
    );
    return () => {
      alive = false;
    };
  }, [stationId, category, attempt]);

  const join = (item: SimilarItem) => {
    if (joining) return;
    // Supporters are told what the complainant is told: ask for consent on the tap (WeChat needs the gesture).
    askForComplaintUpdates('accepted');
    setJoining(item.id);
    complaints.join({ id: item.id }).then(
      (r) => {
        setJoining(null);
        const others = Math.max(0, r.supporters);
        setJoined((j) => ({
          ...j,
          [item.id]: {
            supporters: r.supporters,
            ok: true,
            message: r.added ? `已记下，共有 ${others} 人也遇到了。处理结果会一并答复，可在“我的投诉”里查看和评价。` : '您之前已经点过“我也遇到了”，可在“我的投诉”里查看处理结果。',
          },
        }));
      },
      (e) => {
        setJoining(null);
        setJoined((j) => ({ ...j, [item.id]: { supporters: item.supporters, ok: false, message: toApiError(e).message } }));
      },
    );
  };

  if (error) {
    return (
      <View id='similar-reports' className='similar similar--error'>
        <Text className='text-muted'>暂时查不到别人是否反映过：{error.message}</Text>
        <Button id='similar-retry' className='link' onClick={() => setAttempt((n) => n + 1)}>
          重试
        </Button>
      </View>
    );
  }
  if (!items) {
    return (
      <View id='similar-reports' className='similar'>
        <Text className='text-muted'>正在查看是否已有人反映…</Text>
      </View>
    );
  }
  if (!items.length) {
    return (
      <View id='similar-reports' className='similar'>
        <Text id='similar-empty' className='text-muted'>
          这个站点暂时没有人反映同类问题，请继续填写。
        </Text>
      </View>
    );
  }
  const allMine = items.every((i) => i.mine);
  return (
    <View id='similar-reports' className='similar notice notice--info'>
      <Text className='notice__title'>{allMine ? '您已经反映过' : '已有人反映？'}</Text>
      <Text className='notice__text'>
        {allMine
          ? '下面是您在这个站点提交的同类投诉，正在处理，不用再交一次。如果是另一件事，请继续填写。'
          : '下面是这个站点正在处理的同类投诉。如果说的是同一件事，点“我也遇到了”就行，不用再写；情况不同，请继续填写。'}
      </Text>
      {items.map((item) => {
        const j = joined[item.id];
        return (
          <View key={item.id} id={`similar-${item.id}`} className='similar__item'>
            <Text className='similar__title'>
              {item.mine ? '您的投诉 · ' : ''}
              {item.categoryLabel} · {item.statusLabel}
            </Text>
            <Text className='similar__meta'>
              {formatDay(item.submittedOn)} 提交 · 编号 {item.trackingNo}
              {(j?.supporters ?? item.supporters) > 0 ? ` · ${j?.supporters ?? item.supporters} 人也遇到了` : ''}
            </Text>
            {item.mine ? (
              <>
                <Text id={`similar-mine-${item.id}`} className='similar__done'>
                  这是您提交的投诉，已经收到了。
                </Text>
                {onOpenComplaint ? (
                  <Button id={`btn-open-${item.id}`} className='btn btn--ghost btn--small btn--inline' onClick={() => onOpenComplaint(item.id)}>
                    看处理进度
                  </Button>
                ) : null}
              </>
            ) : (
              <>
                {j ? <Text className={j.ok ? 'similar__done' : 'field__error'}>{j.message}</Text> : null}
                {j?.ok && onOpenComplaint ? (
                  <Button id={`btn-follow-${item.id}`} className='btn btn--ghost btn--small btn--inline' onClick={() => onOpenComplaint(item.id)}>
                    看处理进度
                  </Button>
                ) : null}
                {!j?.ok ? (
                  <Button id={`btn-join-${item.id}`} className='btn btn--ghost btn--small btn--inline' onClick={() => join(item)}>
                    {joining === item.id ? '正在提交…' : '我也遇到了'}
                  </Button>
                ) : null}
              </>
            )}
          </View>
        );
      })}
    </View>
  );
}
