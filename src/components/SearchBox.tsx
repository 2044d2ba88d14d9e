/** Search by station name, village, or pinyin initials ("ydx" → 于都县). */
import { Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';

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
        <Text
          id='search-clear'
          className='search__clear'
          onClick={() => {
            setText('');
            onSearch('');
          }}
        >
          ×
        </Text>
      ) : null}
      <View id='search-submit' className='btn btn--primary search__btn' hoverClass='tap-active' onClick={() => submit(text)}>
        搜索
      </View>
    </View>
  );
}
