/** Search by station name, village, or pinyin initials ("ydx" → 于都县). */
import { Input, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import Button, { nameProps } from '../ui/Button';

interface Props {
  value: string;
  onSearch: (q: string) => void;
  placeholder?: string;
}

export default function SearchBox({ value, onSearch, placeholder = '搜站点名、村名或拼音首字母' }: Props) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const submit = (q: string) => onSearch(q.trim().slice(0, 50));
  return (
    <View className='search'>
      <Input
        id='search-input'
        {...nameProps('搜索站点')}
        className='search__input'
        type='text'
        value={text}
        maxlength={50}
        confirmType='search'
        placeholder={placeholder}
        placeholderClass='search__placeholder'
        onInput={(e) => setText(e.detail.value)}
        onConfirm={(e) => submit(e.detail.value)}
      />
      {text ? (
        <Button
          id='search-clear'
          label='清空搜索'
          className='search__clear'
          onClick={() => {
            setText('');
            onSearch('');
          }}
        >
          ×
        </Button>
      ) : null}
      <Button id='search-submit' className='btn btn--primary search__btn' onClick={() => submit(text)}>
        搜索
      </Button>
    </View>
  );
}
