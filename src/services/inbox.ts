/**
 * Officials' unread hand-offs (issue 11 §3): new assignments, 退单, 督办 and their answers,
 * extension requests. Opening a case marks its items read; the panels listen for INBOX_CHANGED.
 * Typed by `ComplaintsApi`.
 */
import Taro from '@tarojs/taro';
import type { ComplaintsApi } from '../../cloudfunctions/complaints/handler';
import { client, type Output } from './transport';

export type InboxView = Output<ComplaintsApi, 'inbox'>;
export type InboxItem = InboxView['items'][number];

/** Triggered after a case's items were marked read (the panels reload their count). */
export const INBOX_CHANGED = 'official:inbox-changed';

const call = client<ComplaintsApi>('complaints');

export const inbox = {
  list: () => call('inbox', {}),
  /** Opening a case: its items are read. Fire and forget — a failure never troubles the page. */
  markCaseRead(id: string): void {
    if (!id) return;
    call('inboxRead', { id })
      .then(() => Taro.eventCenter.trigger(INBOX_CHANGED))
      .catch(() => undefined);
  },
};
