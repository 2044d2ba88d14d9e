/**
 * Rate a station (docs/product.md §4): 1–5 stars on each of the four 第十条 dimensions (all required)
 * and an optional comment. The request id stays the same while the same rating is retried; a
 * changed rating gets a new one (a newer rating replaces the older one anyway).
 */
import { Text, View } from '@tarojs/components';
import { Textarea } from '../../ui/lazy-components';
import { useRef, useState } from 'react';
import { DIMENSIONS, type Dimension } from '@core/rating/model';
import { MAX_COMMENT as MAX_RATING_COMMENT } from '@core/rating/limits';
import { ratings, type SubmitResult } from '../../services/ratings';
import { ApiError, newRequestId, toApiError } from '../../services/transport';
import StarInput from './StarInput';
import { BusyButton, ErrorLine } from '../../ui/send';
import { scrollToFirstError } from '../../utils/scrollIntoView';

type Scores = Partial<Record<Dimension, number>>;

export function missingDimensions(scores: Scores): Dimension[] {
  return DIMENSIONS.map(([d]) => d).filter((d) => !scores[d]);
}

interface Props {
  stationId: string;
  /** 到店评价 token (from a scanned code), or null. */
  visitToken: string | null;
  onSubmitted: (result: SubmitResult) => void;
  /** The server said the visit token is no longer valid. */
  onVisitExpired?: () => void;
}

export default function RatingForm({ stationId, visitToken, onSubmitted, onVisitExpired }: Props) {
  const [scores, setScores] = useState<Scores>({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Dimension | 'comment', string>>>({});
  const [failure, setFailure] = useState<{ error: ApiError; retry: boolean } | null>(null);
  const [sending, setSending] = useState(false);
  const requestId = useRef(newRequestId());
  const sent = useRef(false);

  /** Something changed after a send: that is a new rating. */
  const changed = () => {
    // A "fix this first" message is stale once something changed; a lost-answer one stays.
    setFailure((f) => (f && !f.retry ? null : f));
    if (sent.current) {
      requestId.current = newRequestId();
      sent.current = false;
    }
  };

  const setScore = (d: Dimension, n: number) => {
    changed();
    setScores((s) => ({ ...s, [d]: n }));
    setErrors((e) => ({ ...e, [d]: undefined }));
  };

  const submit = () => {
    if (sending) return;
    const missing = missingDimensions(scores);
    const label = (d: Dimension) => DIMENSIONS.find(([x]) => x === d)![1];
    const found: Partial<Record<Dimension | 'comment', string>> = {};
    for (const d of missing) found[d] = `请给“${label(d)}”打星`;
    if (comment.trim().length > MAX_RATING_COMMENT) found.comment = `最多 ${MAX_RATING_COMMENT} 个字`;
    setErrors(found);
    if (Object.keys(found).length) {
      setFailure({ error: new ApiError('VALIDATION_ERROR', missing.length ? `还有 ${missing.length} 项没打星，四项都要打` : '评价内容太长了'), retry: false });
      scrollToFirstError();
      return;
    }
    setSending(true);
    setFailure(null);
    sent.current = true;
    ratings
      .submit(
        {
          stationId,
          scores: { attitude: scores.attitude!, pricing: scores.pricing!, cleanliness: scores.cleanliness!, efficiency: scores.efficiency! },
          comment: comment.trim() || undefined,
          visitToken: visitToken ?? undefined,
        },
        requestId.current,
      )
      .then(
        (r) => {
          setSending(false);
          requestId.current = newRequestId();
          sent.current = false;
          onSubmitted(r);
        },
        (e) => {
          const err = toApiError(e);
          setSending(false);
          const retry = err.code === 'UNAVAILABLE' || err.code === 'INTERNAL' || err.code === 'RATE_LIMITED';
          if (!retry) {
            // Nothing was stored: a corrected rating may use a fresh id.
            requestId.current = newRequestId();
            sent.current = false;
          }
          if (err.fields['data.visitToken'] || err.fields.visitToken) onVisitExpired?.();
          if (err.fields['data.comment'] || err.fields.comment) {
            setErrors((x) => ({ ...x, comment: err.fields['data.comment'] ?? err.fields.comment }));
            scrollToFirstError();
          }
          setFailure({ error: err, retry });
        },
      );
  };

  return (
    <View id='rating-form'>
      <View className='section'>
        <Text className='section__title'>给四个方面打星</Text>
        <Text className='field__hint'>1 星最差，5 星最好。四项都要打。</Text>
        {DIMENSIONS.map(([d, label]) => (
          <StarInput key={d} dimension={d} label={label} value={scores[d]} onChange={(n) => setScore(d, n)} error={errors[d]} />
        ))}
      </View>
      <View className='section'>
        <Text className='field__label'>想说的话（选填）</Text>
        <Textarea
          id='rating-comment'
          className={`textarea textarea--short ${errors.comment ? 'textarea--error' : ''}`}
          value={comment}
          maxlength={MAX_RATING_COMMENT}
          placeholder='说说服务怎么样，别人会看到（不要写电话、姓名）'
          placeholderClass='textarea__placeholder'
          onInput={(e) => {
            changed();
            setComment(e.detail.value);
            if (errors.comment) setErrors((x) => ({ ...x, comment: undefined }));
          }}
        />
        <Text id='rating-comment-counter' className={`counter ${comment.length > MAX_RATING_COMMENT ? 'counter--over' : ''}`}>
          {comment.length}/{MAX_RATING_COMMENT}
        </Text>
        <ErrorLine error={errors.comment} />
      </View>
      {failure ? (
        <View id='rating-submit-error' className={`notice ${failure.retry ? 'notice--warn' : 'notice--danger'}`}>
          <Text className='notice__title'>{failure.retry ? '还没有提交成功' : '没有提交'}</Text>
          <Text className='notice__text'>{failure.error.message}</Text>
          {failure.retry ? <Text className='notice__text'>网络好一点后再点“提交评价”，不会重复评价。</Text> : null}
        </View>
      ) : null}
      <View className='form__submit'>
        <BusyButton id='rating-submit' className='btn btn--primary btn--big btn--block' busy={sending} text='提交评价' onClick={submit} />
        <Text className='field__hint form__after'>每人每个站点 30 天内算一次评价，再评会替换上一次。</Text>
      </View>
    </View>
  );
}
