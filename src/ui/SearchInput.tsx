/**
 * A one-line search field (the keyboard's key says 搜索) and the text typed into it: `useSearchText`
 * keeps that text, searches it on 搜索 / the confirm key, and clears it (searching for nothing).
 */
import { Input } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { nameProps } from './Button';

/** `value` given: the field shows it again whenever it changes outside. */
export function useSearchText(search: (q: string) => void, value?: string) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => {
    if (value !== undefined) setText(value);
  }, [value]);
  return {
    text,
    submit: () => search(text),
    clear: () => {
      setText('');
      search('');
    },
    /** The SearchInput's value and handlers. */
    field: { value: text, onInput: setText, onConfirm: search },
  };
}

interface Props {
  id: string;
  /** What a screen reader calls the field. */
  name: string;
  className: string;
  maxlength: number;
  placeholder: string;
  placeholderClass?: string;
  value: string;
  onInput: (text: string) => void;
  onConfirm: (text: string) => void;
}

export default function SearchInput({ name, onInput, onConfirm, ...input }: Props) {
  return <Input {...input} {...nameProps(name)} type='text' confirmType='search' onInput={(e) => onInput(e.detail.value)} onConfirm={(e) => onConfirm(e.detail.value)} />;
}
