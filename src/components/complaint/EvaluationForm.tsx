/**
 * 回访: after the reply the resident says 满意 / 基本满意 / 不满意 (+ optional words).
 * 不满意 sends the complaint back for re-handling once (重办); the form says so before sending.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { EVALUATIONS, EVALUATION_LABELS, type Evaluation } from '@core/complaint/model';
import { MAX_EVALUATION_COMMENT, REPLY_WORKDAYS } from '@core/complaint/limits';
import { complaints, type ComplaintView } from '../../services/complaints';
import { reloadOnConflict, useAction } from '../../hooks/useAction';
import Button from '../../ui/Button';
import { BusyButton, ErrorLine } from '../../ui/send';
import ShortTextarea from '../../ui/ShortTextarea';

/** Button id → the value sent (tests read this mapping). */
export const EVALUATION_BUTTON_IDS: Record<Evaluation, string> = {
  satisfied: 'btn-evaluate-satisfied',
  basically: 'btn-evaluate-basically',
  unsatisfied: 'btn-evaluate-unsatisfied',
};

/** Has it already been sent back once (不满意 reopens only once)? */
export function alreadyReopened(view: Pick<ComplaintView, 'timeline'>): boolean {
  return view.timeline.some((t) => t.action === 'evaluate' && t.status !== 'closed');
}

interface Props {
  view: ComplaintView;
  onDone: (view: ComplaintView) => void;
  /** CONFLICT: someone else changed it; the page reloads. */
  onStale?: () => void;
}

export default function EvaluationForm({ view, onDone, onStale }: Props) {
  const [choice, setChoice] = useState<Evaluation | null>(null);
  const [comment, setComment] = useState('');
  const evaluate = useAction((evaluation: Evaluation) => complaints.evaluate({ id: view.id, version: view.version, evaluation, comment: comment.trim() || undefined }), {
    onDone,
    onError: reloadOnConflict(onStale),
  });
  const reopened = alreadyReopened(view);

  const send = () => {
    if (!choice) return evaluate.fail('请先选择满意、基本满意或不满意');
    void evaluate.run(choice);
  };

  return (
    <View id='evaluation-form' className='section'>
      <Text className='section__title'>您对处理结果满意吗？</Text>
      {view.supporting ? (
        <Text id='evaluation-follower-note' className='text-muted'>
          您的评价只代表您自己，每人评一次。
        </Text>
      ) : null}
      <View className='evaluation__choices'>
        {EVALUATIONS.map((e) => (
          <Button
            key={e}
            id={EVALUATION_BUTTON_IDS[e]}
            data-evaluation={e}
            className={`btn evaluation__choice ${choice === e ? 'evaluation__choice--on' : ''} ${e === 'unsatisfied' ? 'evaluation__choice--bad' : ''}`}
            onClick={() => {
              setChoice(e);
              evaluate.clearError();
            }}
          >
            {EVALUATION_LABELS[e]}
          </Button>
        ))}
      </View>
      {choice === 'unsatisfied' ? (
        <Text id='evaluation-unsatisfied-note' className='notice notice--warn evaluation__note'>
          {view.supporting
            ? '您的意见会记录下来，供处理部门和上级督查参考。'
            : reopened
            ? '这件投诉已经重新办理过一次，这次选“不满意”会办结，您的意见会记录下来，供上级督查。'
            : `选“不满意”，这件投诉会退回重新办理一次，${REPLY_WORKDAYS} 个工作日内再答复您。`}
        </Text>
      ) : null}
      <ShortTextarea id='evaluation-comment' value={comment} onChange={setComment} maxlength={MAX_EVALUATION_COMMENT} placeholder='还想说什么（选填）' />
      <Text className='counter'>
        {comment.length}/{MAX_EVALUATION_COMMENT}
      </Text>
      <ErrorLine id='evaluation-error' error={evaluate.error} />
      <BusyButton id='btn-evaluate-submit' className='btn btn--primary btn--block' busy={evaluate.busy} text='提交评价' onClick={send} />
    </View>
  );
}
