/** The end of a resident's form: the error in red under it, and a send button that says it is busy. */
import { Text } from '@tarojs/components';
import type { ApiError } from '../services/transport';
import Button from './Button';

/** The message in red (`field__error`), or nothing. */
export function ErrorLine({ id, error }: { id?: string; error: ApiError | string | null | undefined }) {
  if (!error) return null;
  return (
    <Text id={id} className='field__error'>
      {typeof error === 'string' ? error : error.message}
    </Text>
  );
}

/**
 * A button that shows `busyText` and greys out (`btn--disabled`) while its write runs; `disabled`
 * also refuses taps (SubmitButton passes it).
 */
export function BusyButton({ id, className, busy, disabled, text, busyText = '正在提交…', onClick }: { id: string; className: string; busy?: boolean; disabled?: boolean; text: string; busyText?: string; onClick: () => void }) {
  return (
    <Button id={id} className={busy ? `${className} btn--disabled` : className} disabled={disabled} onClick={onClick}>
      {busy ? busyText : text}
    </Button>
  );
}
