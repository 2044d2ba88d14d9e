/**
 * Choose one station by name (or pinyin initials) within the official's own region: a search box,
 * the matches, and the chosen one with 更换. Used where an official names a station (a recruitment
 * post, a station head's role).
 */
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { account } from '../../../services/account';
import { stations, type StationSummary } from '../../../services/api';
import { toApiError, type ApiError } from '../../../services/transport';
import { TextInput } from '../../../ui/form';
import Button from '../../../ui/Button';
import OptionButton from './OptionButton';
import Picked from '../../shared/Picked';

interface Props {
  idPrefix: string;
  value: StationSummary | null;
  onChange: (s: StationSummary | null) => void;
}

export default function StationSearch({ idPrefix, value, onChange }: Props) {
  const [regionCode, setRegionCode] = useState<string | undefined>(undefined);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<StationSummary[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [hint, setHint] = useState<string | null>(null);

  useEffect(() => {
    account.me().then(
      (me) => {
        const s = me.roles.find((r) => r.scope.kind === 'region')?.scope;
        if (s && s.kind === 'region') setRegionCode(s.regionCode);
      },
      () => undefined,
    );
  }, []);

  const search = () => {
    const text = q.trim();
    setHint(null);
    if (!text && !regionCode) return setHint('请输入站点名称');
    setSearching(true);
    setError(null);
    stations.search({ q: text || undefined, regionCode, limit: 20 }).then(
      (page) => {
        setFound(page.items);
        setSearching(false);
      },
      (e) => {
        setError(toApiError(e));
        setSearching(false);
      },
    );
  };

  if (value) return <Picked idPrefix={idPrefix} text={value.name} onChange={() => onChange(null)} />;
  return (
    <View>
      <View className='sp-row'>
        <View className='sp-row__grow'>
          <TextInput id={`${idPrefix}-q`} value={q} onChange={setQ} placeholder='站点名称或拼音首字母' maxlength={50} />
        </View>
        <Button id={`${idPrefix}-search`} className='btn btn--secondary search__btn' onClick={search}>
          {searching ? '查找中' : '查找'}
        </Button>
      </View>
      {hint ? <Text className='sp-small-note'>{hint}</Text> : null}
      {error ? <Text className='sp-field__error'>{error.message}</Text> : null}
      {found && !found.length ? <Text className='sp-small-note'>没有找到站点，换个名字试试</Text> : null}
      {found?.map((s) => (
        <OptionButton key={s.id} id={`${idPrefix}-option-${s.id}`} title={s.name} sub={s.place} onClick={() => onChange(s)} />
      ))}
    </View>
  );
}
