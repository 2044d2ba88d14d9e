/** "加载更多" / "正在加载…" / "没有更多了" under a paged list, with the error of the last "加载更多". */
import { Text, View } from '@tarojs/components';
import type { ApiError } from '../services/transport';
import Button from './Button';
import './ListFooter.css';

interface Props {
  hasMore: boolean;
  loadingMore: boolean;
  moreError: ApiError | null;
  onMore: () => void;
  /** Said at the end of a non-empty list. */
  endText?: string;
  /** Nothing is said under an empty list (the page says it is empty). */
  count: number;
  /** Ids `<prefix>-more` / `<prefix>-end`; without it `btn-load-more` / `list-end`. */
  idPrefix?: string;
}

export default function ListFooter({ hasMore, loadingMore, moreError, onMore, endText = '没有更多了', count, idPrefix }: Props) {
  return (
    <View className='list-footer'>
      {moreError ? <Text className='list-footer__error'>{moreError.message}</Text> : null}
      {hasMore ? (
        <Button id={idPrefix ? `${idPrefix}-more` : 'btn-load-more'} className={`btn btn--ghost btn--block ${loadingMore ? 'btn--disabled' : ''}`} disabled={loadingMore} onClick={onMore}>
          {loadingMore ? '正在加载…' : moreError ? '重新加载' : '加载更多'}
        </Button>
      ) : count ? (
        <Text id={idPrefix ? `${idPrefix}-end` : 'list-end'} className='list-footer__end'>
          {endText}
        </Text>
      ) : null}
    </View>
  );
}
