/**
 * 培训类型 · 培训名称 · 日期 · 天数: the fields of one training, for recording it (培训情况) and for
 * opening its sign-in (培训签到). The server names its errors by these field names.
 */
import { useState } from 'react';
import type { ApiError } from '../../../services/transport';
import { Choices, Field, TextInput, fieldError } from '../../../ui/form';
import { todayShanghai } from '../../../ui/format';
import DateField from './DateField';

const KINDS = [
  ['pre_job', '岗前培训'],
  ['annual', '年度培训/交流'],
] as const;

export interface TrainingDraft {
  kind: (typeof KINDS)[number][0];
  title: string;
  date: string;
  days: string;
}

/** The draft starts today, one day long, untitled. */
export function useTrainingDraft(kind: TrainingDraft['kind']) {
  return useState<TrainingDraft>(() => ({ kind, title: '', date: todayShanghai(), days: '1' }));
}

interface Props {
  /** Ids `<prefix>-kind`, `<prefix>-title`, `<prefix>-date`, `<prefix>-days`. */
  idPrefix: string;
  value: TrainingDraft;
  onChange: (update: (d: TrainingDraft) => TrainingDraft) => void;
  error: ApiError | null;
  titlePlaceholder: string;
}

export default function TrainingFields({ idPrefix, value, onChange, error, titlePlaceholder }: Props) {
  const put =
    <K extends keyof TrainingDraft>(k: K) =>
    (v: TrainingDraft[K]) =>
      onChange((d) => ({ ...d, [k]: v }));
  return (
    <>
      <Field label='培训类型' required error={fieldError(error, 'kind')}>
        <Choices idPrefix={`${idPrefix}-kind`} options={KINDS} value={value.kind} onChange={put('kind')} />
      </Field>
      <Field label='培训名称' required error={fieldError(error, 'title')}>
        <TextInput id={`${idPrefix}-title`} value={value.title} onChange={put('title')} maxlength={60} placeholder={titlePlaceholder} />
      </Field>
      <Field label='日期' required error={fieldError(error, 'date')}>
        <DateField id={`${idPrefix}-date`} value={value.date} onChange={put('date')} />
      </Field>
      <Field label='天数' required error={fieldError(error, 'days')}>
        <TextInput id={`${idPrefix}-days`} type='digit' value={value.days} onChange={put('days')} maxlength={4} />
      </Field>
    </>
  );
}
