/**
 * The server says which actions the caller may take on a case (`allowedActions`); the page shows
 * exactly those buttons, in this order. Hiding a button is not access control — the server
 * checks every action again.
 */
export type CaseAction = 'release' | 'accept' | 'reply' | 'assign' | 'extend' | 'merge' | 'refuse' | 'note' | 'receive' | 'decline' | 'requestExtension' | 'approveExtension' | 'refuseExtension' | 'supervise' | 'answerSupervision' | 'transfer' | 'progress';

export interface ActionButton {
  action: CaseAction;
  label: string;
  id: string;
  tone: 'primary' | 'secondary' | 'ghost' | 'danger';
  /** Runs at once (no form to fill). */
  immediate: boolean;
}

export const ACTION_BUTTONS: readonly ActionButton[] = [
  { action: 'release', label: '审核通过', id: 'btn-release', tone: 'primary', immediate: true },
  // 签收 / 退单: the assignee's first answer to an assignment.
  { action: 'receive', label: '签收', id: 'btn-receive', tone: 'primary', immediate: true },
  { action: 'accept', label: '受理', id: 'btn-accept', tone: 'primary', immediate: true },
  { action: 'reply', label: '答复', id: 'btn-reply', tone: 'primary', immediate: false },
  // 办理进展: the complainant sees where things stand (处理中), with photos.
  { action: 'progress', label: '办理进展', id: 'btn-progress', tone: 'secondary', immediate: false },
  { action: 'assign', label: '转办', id: 'btn-assign', tone: 'secondary', immediate: false },
  // 督办 by hand (city, province) and the county's answer.
  { action: 'answerSupervision', label: '答复督办', id: 'btn-answer-supervision', tone: 'primary', immediate: false },
  { action: 'supervise', label: '督办', id: 'btn-supervise', tone: 'secondary', immediate: false },
  { action: 'extend', label: '延期', id: 'btn-extend', tone: 'ghost', immediate: false },
  // 延期申请: the assignee asks, the county decides.
  { action: 'requestExtension', label: '申请延期', id: 'btn-request-extension', tone: 'ghost', immediate: false },
  { action: 'approveExtension', label: '同意延期', id: 'btn-approve-extension', tone: 'primary', immediate: true },
  { action: 'refuseExtension', label: '不同意延期', id: 'btn-refuse-extension', tone: 'ghost', immediate: false },
  { action: 'merge', label: '并单', id: 'btn-merge', tone: 'ghost', immediate: false },
  { action: 'refuse', label: '不予受理', id: 'btn-refuse', tone: 'danger', immediate: false },
  { action: 'transfer', label: '转其他部门', id: 'btn-transfer', tone: 'ghost', immediate: false },
  { action: 'decline', label: '退单', id: 'btn-decline', tone: 'danger', immediate: false },
  { action: 'note', label: '内部备注', id: 'btn-note', tone: 'ghost', immediate: false },
];

/** Buttons for the server's allowedActions; unknown action names are ignored. */
export function buttonsFor(allowedActions: readonly string[]): ActionButton[] {
  return ACTION_BUTTONS.filter((b) => allowedActions.includes(b.action));
}

/** What to tell the official after an action succeeded. */
export const DONE_MESSAGES: Record<CaseAction, string> = {
  release: '已审核通过，站点和投诉人可以看到了',
  accept: '已受理，请在答复期限内答复',
  reply: '已答复，已通知投诉人评价',
  assign: '已转办',
  extend: '已延期',
  merge: '已并单',
  refuse: '已不予受理，已通知投诉人',
  note: '备注已保存（仅内部可见）',
  receive: '已签收，请在答复期限内答复',
  decline: '已退单，县级主管部门会重新转办',
  requestExtension: '延期申请已提交，等待县级主管部门审批',
  approveExtension: '已同意延期，已通知投诉人新的答复日期',
  refuseExtension: '已不同意延期，承办单位仍须按原期限答复',
  supervise: '已督办，县级主管部门须按期答复',
  answerSupervision: '督办答复已提交',
  transfer: '已转其他部门，已通知投诉人',
  progress: '办理进展已发布，投诉人可以看到',
};
