/** Loading / empty / error states: plain words, one clear action. */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import type { Loaded } from '../hooks/useLoad';
import Button from '../ui/Button';

export function Skeleton({ id = 'list-loading', rows = 3 }: { id?: string; rows?: number }) {
  return (
    <View id={id} className='skeleton'>
      <Text className='skeleton__text'>正在加载…</Text>
      {Array.from({ length: rows }, (_, i) => (
        <View key={i} className='skeleton__card'>
          <View className='skeleton__line skeleton__line--title' />
          <View className='skeleton__line' />
          <View className='skeleton__line skeleton__line--short' />
        </View>
      ))}
    </View>
  );
}

interface EmptyProps {
  id?: string;
  text: string;
  actionText?: string;
  onAction?: () => void;
  actionId?: string;
}

export function EmptyState({ id = 'list-empty', text, actionText, onAction, actionId }: EmptyProps) {
  return (
    <View id={id} className='state state--empty'>
      <Text className='state__text'>{text}</Text>
      {actionText && onAction ? (
        <Button id={actionId} className='btn btn--ghost' onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  );
}

interface ErrorProps {
  id?: string;
  message: string;
  onRetry: () => void;
  retryId?: string;
  extra?: ReactNode;
}

export function ErrorState({ id = 'list-error', message, onRetry, retryId = 'btn-retry', extra }: ErrorProps) {
  return (
    <View id={id} className='state state--error'>
      <Text className='state__text'>{message}</Text>
      <Button id={retryId} className='btn btn--primary' onClick={onRetry}>
        重试
      </Button>
      {extra}
    </View>
  );
}

/** A small part of a page that did not load: one grey line and a 重试 link, the rest of the page stays. */
export function QuietError({ id, text, retryId, onRetry }: { id?: string; text: string; retryId?: string; onRetry: () => void }) {
  return (
    <View id={id} className='quiet-error'>
      <Text className='text-muted'>{text}</Text>
      <Button id={retryId} className='link' onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}

/**
 * The states of one thing opened by id (useLoad): loading until the first answer; a thing that is
 * not there says so with 返回; any other failure offers 重试. Ids: `${idPrefix}-loading` / `-error`.
 */
export function DetailStates({ load, idPrefix, rows = 2 }: { load: Omit<Loaded<unknown>, 'setData'>; idPrefix: string; rows?: number }) {
  if (!load.data && load.status === 'loading') return <Skeleton id={`${idPrefix}-loading`} rows={rows} />;
  if (load.status !== 'error') return null;
  if (load.error?.code === 'NOT_FOUND') {
    return <EmptyState id={`${idPrefix}-error`} text={load.error.message} actionText='返回' actionId='btn-back' onAction={() => Taro.navigateBack()} />;
  }
  return <ErrorState id={`${idPrefix}-error`} message={load.error?.message ?? '加载失败'} onRetry={load.reload} />;
}
