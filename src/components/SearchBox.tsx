/** Search by station name, village, or pinyin initials ("ydx" → 于都县). */
import { View } from '@tarojs/components';
import Button from '../ui/Button';
import SearchInput, { useSearchText } from '../ui/SearchInput';

interface Props {
  value: string;
  onSearch: (q: string) => void;
  placeholder?: string;
}

export default function SearchBox({ value, onSearch, placeholder = '搜站点名、村名或拼音首字母' }: Props) {
  const s = useSearchText((q) => onSearch(q.trim().slice(0, 50)), value);
  return (
    <View className='search'>
      <SearchInput id='search-input' name='搜索站点' className='search__input' maxlength={50} placeholder={placeholder} placeholderClass='search__placeholder' {...s.field} />
      {s.text ? (
        <Button id='search-clear' label='清空搜索' className='search__clear' onClick={s.clear}>
          ×
        </Button>
      ) : null}
      <Button id='search-submit' className='btn btn--primary search__btn' onClick={s.submit}>
        搜索
      </Button>
    </View>
  );
}
