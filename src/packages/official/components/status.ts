/** Words for a case's escalation level (0: none). */
export const ESCALATION_TEXT = ['', '市级督办', '省级督办'];
