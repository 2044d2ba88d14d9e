/**
 * `mediacheck`: receives the `wxa_media_check` message push (云开发 → 设置 → 消息推送: 消息类型
 * `event`, 事件类型 `wxa_media_check`, this function) with the verdict of a photo check the
 * `complaints` function asked for, and applies it (core/media/check.ts). Anything that is not such
 * an event is refused. A forged event needs a trace id, which only WeChat and our store know (it is
 * never sent to clients); an unknown trace id changes nothing.
 */
import { applyMediaCheck, parseMediaCheckEvent, type MediaChecker, type MediaCheckRepository } from '../../core/media/check';
import type { Clock, ComplaintRepository } from '../../core/ports';
import { AppError, type Envelope } from '../../core/shared/errors';
import { toErrorBody, type Logger } from '../../core/shared/router';

export interface MediaCheckDeps {
  complaints: ComplaintRepository;
  mediaChecks: MediaCheckRepository;
  mediaChecker: MediaChecker;
  clock: Clock;
}

export function createMediaCheckHandler(deps: MediaCheckDeps, logger?: Logger) {
  return async function handle(event: unknown): Promise<Envelope<{ outcome: string }>> {
    try {
      const e = parseMediaCheckEvent(event);
      if (!e) throw new AppError('FORBIDDEN', '只接受图片检测结果推送');
      const outcome = await applyMediaCheck(deps, e);
      // The outcome only: no trace id, file or person in the log.
      logger?.info({ fn: 'mediacheck', code: 'OK', outcome });
      return { ok: true, data: { outcome } };
    } catch (err) {
      const body = toErrorBody(err);
      logger?.error({ fn: 'mediacheck', code: body.code, error: (err as Error)?.name });
      return { ok: false, error: body };
    }
  };
}
