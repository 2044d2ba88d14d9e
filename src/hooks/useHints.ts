/**
 * A form's own checks before it sends: `check({ name: !name.trim() && '请填写姓名', … })` keeps the
 * hints of the checks that failed (read as `hint.name`), scrolls to the first red text when there
 * is one and says whether every check passed.
 */
import { useState } from 'react';
import { scrollToFirstError } from '../utils/scrollIntoView';

export function useHints(): { hint: Record<string, string>; check: (checks: Record<string, string | false>) => boolean } {
  const [hint, setHint] = useState<Record<string, string>>({});
  const check = (checks: Record<string, string | false>) => {
    const failed = Object.fromEntries(Object.entries(checks).filter((c): c is [string, string] => !!c[1]));
    setHint(failed);
    if (!Object.keys(failed).length) return true;
    scrollToFirstError();
    return false;
  };
  return { hint, check };
}
