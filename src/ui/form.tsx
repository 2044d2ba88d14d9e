/** Form pieces: a labelled field with its error, text inputs, one-of and any-of chips, a submit button that says it is busy. */
import { Input, Text, View } from '@tarojs/components';
import { Textarea } from './lazy-components';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import Button, { nameProps } from './Button';
import { BusyButton } from './send';
import type { ApiError } from '../services/transport';
import { scrollToFirstError } from '../utils/scrollIntoView';
import './form.css';

export { scrollToFirstError };

/** The server's message for one input field (`data.text` or `text`). */
export function fieldError(error: ApiError | null, name: string): string | undefined {
  if (!error) return undefined;
  return error.fields[`data.${name}`] ?? error.fields[name];
}

/**
 * When the server refuses a form because of some fields, bring the first field in red into view
 * (each failure is a new error object). Local checks call scrollToFirstError() themselves.
 */
export function useScrollToFirstError(error: ApiError | null): void {
  useEffect(() => {
    if (error && Object.keys(error.fields).length) scrollToFirstError();
  }, [error]);
}

/** The label of the Field around an input: H5 puts the native field inside a wrapper, so it is named explicitly. */
const FieldLabel = createContext<string | undefined>(undefined);

export function Field({ label, hint, error, children, required, errorId }: { label: string; hint?: string; error?: string; children: ReactNode; required?: boolean; errorId?: string }) {
  return (
    <View className={`sp-field ${error ? 'sp-field--error' : ''}`}>
      <Text className='sp-field__label'>
        {label}
        {required ? <Text className='sp-field__required'> *</Text> : null}
      </Text>
      {hint ? <Text className='sp-field__hint'>{hint}</Text> : null}
      <FieldLabel.Provider value={label}>{children}</FieldLabel.Provider>
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

/** What a text input and a text area share: the Field's label as name, the value, the length limit and placeholder. */
function useInputProps({ id, value, onChange, placeholder, maxlength }: Omit<InputProps, 'type'> & { maxlength: number }) {
  return { id, ...nameProps(useContext(FieldLabel)), value, maxlength, placeholder, placeholderClass: 'sp-input__placeholder', onInput: (e: { detail: { value: string } }) => onChange(e.detail.value) };
}

export function TextInput({ maxlength = 100, type = 'text', ...props }: InputProps) {
  return <Input {...useInputProps({ ...props, maxlength })} className='sp-input' type={type} />;
}

export function TextArea({ maxlength = 500, ...props }: Omit<InputProps, 'type'>) {
  return (
    <View className='sp-textarea-wrap'>
      <Textarea {...useInputProps({ ...props, maxlength })} className='sp-textarea' />
      <Text className='sp-textarea__count'>
        {props.value.length}/{maxlength}
      </Text>
    </View>
  );
}

/** A labelled one-line input: a Field around a TextInput. */
export function InputField({ label, hint, required, error, ...input }: { label: string; hint?: string; required?: boolean; error?: string } & InputProps) {
  return (
    <Field label={label} hint={hint} required={required} error={error}>
      <TextInput {...input} />
    </Field>
  );
}

/** One-of choices as big chips (a radio group for screen readers). */
export function Choices<T extends string>({ idPrefix, options, value, onChange, label }: { idPrefix: string; options: readonly (readonly [T, string])[]; value: T | null; onChange: (v: T) => void; label?: string }) {
  return (
    <View className='chips sp-chips--form' {...{ role: 'radiogroup', ...(label ? { 'aria-label': label } : {}) }}>
      {options.map(([code, text]) => (
        <Button key={code} id={`${idPrefix}-${code}`} role='radio' checked={value === code} className={`chip ${value === code ? 'chip--on' : ''}`} onClick={() => onChange(code)}>
          {text}
        </Button>
      ))}
    </View>
  );
}

/** Any-of choices as chips; a chosen one carries a ✓. */
export function CheckChips({ idPrefix, options, value, onChange }: { idPrefix: string; options: readonly (readonly [string, string, ...unknown[]])[]; value: string[]; onChange: (v: string[]) => void }) {
  return (
    <View className='chips sp-chips--form'>
      {options.map(([code, text]) => (
        <Button key={code} id={`${idPrefix}-${code}`} className={value.includes(code) ? 'chip chip--on' : 'chip'} onClick={() => onChange(value.includes(code) ? value.filter((c) => c !== code) : [...value, code])}>
          {value.includes(code) ? `✓ ${text}` : text}
        </Button>
      ))}
    </View>
  );
}

/** A primary button that says it is busy and cannot be tapped twice. */
export function SubmitButton({ id, text, busyText = '正在提交…', busy, disabled, onClick, tone = 'primary' }: { id: string; text: string; busyText?: string; busy?: boolean; disabled?: boolean; onClick: () => void; tone?: 'primary' | 'secondary' | 'ghost' | 'danger' }) {
  const off = busy || disabled;
  // Busy or not, an off button is only grey: BusyButton adds btn--disabled while busy.
  const look = busy ? '' : disabled ? ' btn--disabled' : tone === 'danger' ? ' sp-btn--danger' : ` btn--${tone}`;
  return <BusyButton id={id} className={`btn btn--block${look}`} busy={busy} disabled={off} text={text} busyText={busyText} onClick={onClick} />;
}
