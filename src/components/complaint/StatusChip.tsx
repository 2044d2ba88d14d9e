import { Text } from '@tarojs/components';
import type { ComplaintStatus } from '@core/complaint/model';
import { statusTone } from '../../ui/format';

/** A complaint's status in words and colour (待受理 / 已受理 / 已答复 …). */
export default function StatusChip({ id, status, label }: { id?: string; status: ComplaintStatus; label: string }) {
  return (
    <Text id={id} className={`badge badge--${statusTone(status)} status-chip status-chip--${status}`}>
      {label}
    </Text>
  );
}
