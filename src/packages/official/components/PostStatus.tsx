import { Text } from '@tarojs/components';
import type { PostStatus } from '@core/recruitment/model';

const TONES: Record<PostStatus, string> = { draft: 'muted', open: 'ok', reviewing: 'info', notice: 'warn', appointed: 'ok', cancelled: 'muted' };

export default function PostStatusChip({ status, label }: { status: PostStatus; label: string }) {
  return <Text className={`sp-status sp-status--${TONES[status]}`}>{label}</Text>;
}
