/** A few lines of free text in a resident's form (`textarea--short`); Textarea comes from lazy-components (not on the first screen). */
import { Textarea } from './lazy-components';

export default function ShortTextarea({ id, value, onChange, maxlength, placeholder, ariaLabel }: { id: string; value: string; onChange: (v: string) => void; maxlength: number; placeholder: string; ariaLabel?: string }) {
  return (
    <Textarea
      id={id}
      className='textarea textarea--short'
      value={value}
      maxlength={maxlength}
      placeholder={placeholder}
      placeholderClass='textarea__placeholder'
      ariaLabel={ariaLabel}
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}
