/** Small pieces shared by the officials' and applicants' subpackages: feedback, forms, dates. */
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import type { ApiError } from '../../services/transport';
import { toShanghai } from '@core/shared/time';

/** A short toast; silently skipped where the platform has none (tests). */
export function toast(title: string, icon: 'success' | 'none' = 'none'): void {
  const t = Taro as unknown as { showToast?: (o: object) => unknown };
  try {
    if (typeof t.showToast === 'function') void t.showToast({ title, icon, duration: 2000 });
  } catch {
    /* ignore */
  }
}

/** "确定 / 取消" dialog; resolves true where the platform has none (tests). */
export async function confirm(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  // Taro.showModal by name: Taro's H5 build maps `Taro.<api>` member calls at compile time, so the API
  // read off an alias of the default export is missing there (this once skipped every confirmation on H5).
  try {
    const res = await Taro.showModal({ title, content, confirmText, cancelText: '取消' });
    return !!res?.confirm;
  } catch {
    return false;
  }
}

/** The server's message for one input field (`data.text` or `text`). */
export function fieldError(error: ApiError | null, name: string): string | undefined {
  if (!error) return undefined;
  return error.fields[`data.${name}`] ?? error.fields[name];
}

/** Today in Asia/Shanghai, YYYY-MM-DD. */
export function todayShanghai(now: Date = new Date()): string {
  return toShanghai(now).date;
}

/** ISO instant → "11月29日 14:30" (this year) or "2025年11月29日 14:30". */
export function formatDateTime(iso: string, now: Date = new Date()): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const local = toShanghai(t);
  const [y, m, d] = local.date.split('-').map(Number);
  const hh = String(Math.floor(local.minute / 60)).padStart(2, '0');
  const mm = String(local.minute % 60).padStart(2, '0');
  const sameYear = y === Number(toShanghai(now).date.slice(0, 4));
  return `${sameYear ? '' : `${y}年`}${m}月${d}日 ${hh}:${mm}`;
}

/** YYYY-MM-DD → "12月4日" / "2027年1月5日". */
export function formatDay(date: string, now: Date = new Date()): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return y === Number(toShanghai(now).date.slice(0, 4)) ? `${m}月${d}日` : `${y}年${m}月${d}日`;
}

export function percent(rate: number | null): string {
  return rate === null ? '暂无' : `${Math.round(rate * 1000) / 10}%`;
}

type Tone = 'ok' | 'warn' | 'danger' | 'info';

export function Notice({ id, tone, title, text, children }: { id?: string; tone: Tone; title?: string; text?: string; children?: ReactNode }) {
  return (
    <View id={id} className={`notice notice--${tone}`}>
      {title ? <Text className='notice__title'>{title}</Text> : null}
      {text ? <Text className='notice__text'>{text}</Text> : null}
      {children}
    </View>
  );
}

export function Field({ label, hint, error, children, required, errorId }: { label: string; hint?: string; error?: string; children: ReactNode; required?: boolean; errorId?: string }) {
  return (
    <View className={`sp-field ${error ? 'sp-field--error' : ''}`}>
      <Text className='sp-field__label'>
        {label}
        {required ? <Text className='sp-field__required'> *</Text> : null}
      </Text>
      {hint ? <Text className='sp-field__hint'>{hint}</Text> : null}
      {children}
      {error ? (
        <Text id={errorId} className='sp-field__error'>
          {error}
        </Text>
      ) : null}
    </View>
  );
}

interface InputProps {
  id: string;
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
  maxlength?: number;
  type?: 'text' | 'number' | 'idcard' | 'digit';
}

export function TextInput({ id, value, onChange, placeholder, maxlength = 100, type = 'text' }: InputProps) {
  return (
    <Input
      id={id}
      className='sp-input'
      type={type}
      value={value}
      maxlength={maxlength}
      placeholder={placeholder}
      placeholderClass='sp-input__placeholder'
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}

export function TextArea({ id, value, onChange, placeholder, maxlength = 500 }: Omit<InputProps, 'type'>) {
  return (
    <View className='sp-textarea-wrap'>
      <Textarea
        id={id}
        className='sp-textarea'
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass='sp-input__placeholder'
        onInput={(e) => onChange(e.detail.value)}
      />
      <Text className='sp-textarea__count'>
        {value.length}/{maxlength}
      </Text>
    </View>
  );
}

/** One-of choices as big chips. */
export function Choices<T extends string>({ idPrefix, options, value, onChange }: { idPrefix: string; options: readonly (readonly [T, string])[]; value: T | null; onChange: (v: T) => void }) {
  return (
    <View className='chips sp-chips--form'>
      {options.map(([code, label]) => (
        <View key={code} id={`${idPrefix}-${code}`} className={`chip ${value === code ? 'chip--on' : ''}`} hoverClass='tap-active' onClick={() => onChange(code)}>
          {label}
        </View>
      ))}
    </View>
  );
}

/** A primary button that says it is busy and cannot be tapped twice. */
export function SubmitButton({ id, text, busyText = '正在提交…', busy, disabled, onClick, tone = 'primary' }: { id: string; text: string; busyText?: string; busy?: boolean; disabled?: boolean; onClick: () => void; tone?: 'primary' | 'secondary' | 'ghost' | 'danger' }) {
  const off = busy || disabled;
  return (
    <View
      id={id}
      className={`btn btn--block ${off ? 'btn--disabled' : tone === 'danger' ? 'sp-btn--danger' : `btn--${tone}`}`}
      hoverClass={off ? 'none' : 'tap-active'}
      aria-disabled={off ? 'true' : undefined}
      onClick={() => {
        if (!off) onClick();
      }}
    >
      {busy ? busyText : text}
    </View>
  );
}

/** "加载更多" / "正在加载…" / "没有更多了" / error with 重试 under a list. */
export function ListFooter({ hasMore, loadingMore, moreError, onMore, count }: { hasMore: boolean; loadingMore: boolean; moreError: ApiError | null; onMore: () => void; count: number }) {
  return (
    <View className='list-footer'>
      {moreError ? <Text className='list-footer__error'>{moreError.message}</Text> : null}
      {hasMore ? (
        <View id='btn-load-more' className='btn btn--ghost btn--block' hoverClass='tap-active' onClick={onMore}>
          {loadingMore ? '正在加载…' : moreError ? '重试' : '加载更多'}
        </View>
      ) : count ? (
        <Text id='list-end' className='list-footer__end'>
          没有更多了
        </Text>
      ) : null}
    </View>
  );
}
