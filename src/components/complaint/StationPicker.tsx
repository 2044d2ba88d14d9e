/**
 * "我要投诉" without a station yet: search by name, village or pinyin initials and pick one;
 * an unfinished draft is offered first.
 */
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { stations, toApiError, type ApiError, type StationSummary } from '../../services/api';
import { lastDraft } from '../../store/complaintDraft';
import SearchBox from '../SearchBox';
import { EmptyState, ErrorState, Skeleton } from '../StateViews';
import Button from '../../ui/Button';
import ArrowItem from '../../ui/ArrowItem';

interface Props {
  onPick: (station: { id: string; name: string }) => void;
}

export default function StationPicker({ onPick }: Props) {
  const [q, setQ] = useState('');
  const [items, setItems] = useState<StationSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [draft] = useState(lastDraft);

  useEffect(() => {
    if (!q) {
      setItems(null);
      setError(null);
      return;
    }
    let alive = true;
    setItems(null);
    setError(null);
    stations.search({ q, limit: 20 }).then(
      (page) => alive && setItems(page.items),
      (e) => alive && setError(toApiError(e)),
    );
    return () => {
      alive = false;
    };
  }, [q, attempt]);

  return (
    <View id='complaint-pick-station'>
      {draft ? (
        <View id='continue-draft' className='notice notice--info'>
          <Text className='notice__title'>您有一件没提交的投诉</Text>
          <Text className='notice__text'>{draft.stationName}</Text>
          <Button id='btn-continue-draft' className='btn btn--primary btn--small btn--inline' onClick={() => onPick({ id: draft.stationId, name: draft.stationName })}>
            接着写
          </Button>
        </View>
      ) : null}
      <View className='card'>
        <Text className='field__label'>要投诉哪个站点？</Text>
        <Text className='field__hint'>输入站点名、村名或拼音首字母，然后点“搜索”。也可以先在首页找到站点，在站点页面点“投诉这个站点”。</Text>
      </View>
      <SearchBox value={q} onSearch={setQ} />
      {q && !items && !error ? <Skeleton id='pick-loading' rows={2} /> : null}
      {error ? <ErrorState id='pick-error' message={error.message} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {items && !items.length ? <EmptyState id='pick-empty' text={`没有找到和“${q}”有关的站点，换个说法试试`} /> : null}
      {items && items.length ? (
        <View id='pick-list' className='map-list'>
          {items.map((s) => (
            <ArrowItem key={s.id} id={`pick-${s.id}`} look='map-list' title={s.name} sub={s.place} onClick={() => onPick({ id: s.id, name: s.name })} />
          ))}
        </View>
      ) : null}
    </View>
  );
}
