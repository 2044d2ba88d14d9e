import type { ComplaintStatus } from '@core/complaint/model';

/** Colour of a complaint status chip. */
export function statusTone(status: ComplaintStatus): 'ok' | 'warn' | 'danger' | 'muted' | 'info' {
  switch (status) {
    case 'submitted':
      return 'warn';
    case 'accepted':
    case 'assigned':
      return 'info';
    case 'replied':
      return 'ok';
    default:
      return 'muted';
  }
}

export const ESCALATION_TEXT = ['', '市级督办', '省级督办'];
