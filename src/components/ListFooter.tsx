/** "加载更多" / "没有更多了" under a paged list, with the error of the last "加载更多". */
import { Text, View } from '@tarojs/components';
import type { ApiError } from '../services/transport';

interface Props {
  hasMore: boolean;
  loadingMore: boolean;
  moreError: ApiError | null;
  onMore: () => void;
  endText: string;
  idPrefix?: string;
}

export default function ListFooter({ hasMore, loadingMore, moreError, onMore, endText, idPrefix = 'list' }: Props) {
  return (
    <View className='list-footer'>
      {moreError ? <Text className='list-footer__error'>{moreError.message}</Text> : null}
      {hasMore ? (
        <View
          id={`${idPrefix}-more`}
          className={`btn btn--ghost btn--block ${loadingMore ? 'btn--disabled' : ''}`}
          hoverClass='tap-active'
          onClick={() => !loadingMore && onMore()}
        >
          {loadingMore ? '正在加载…' : moreError ? '重新加载' : '加载更多'}
        </View>
      ) : (
        <Text id={`${idPrefix}-end`} className='list-footer__end'>
          {endText}
        </Text>
      )}
    </View>
  );
}
