import { Text, View } from '@tarojs/components';
import { SERVICE_LABELS, type ServiceCode } from '@core/station/vocabulary';

interface Props {
  services: ServiceCode[];
  /** Show at most this many, then "等 N 项". */
  max?: number;
  /** Highlight the service the list is filtered by. */
  highlight?: ServiceCode;
}

export default function ServiceChips({ services, max, highlight }: Props) {
  const shown = max && services.length > max ? services.slice(0, max) : services;
  const rest = services.length - shown.length;
  return (
    <View className='chips chips--static'>
      {shown.map((code) => (
        <Text key={code} className={`chip chip--static ${code === highlight ? 'chip--hl' : ''}`}>
          {SERVICE_LABELS[code] ?? code}
        </Text>
      ))}
      {rest > 0 ? <Text className='chip chip--static chip--more'>等 {services.length} 项</Text> : null}
    </View>
  );
}
