/** A "new …" button that turns into its form in place; once the form is sent it closes again and `onSent` runs. */
import { View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import Button from './Button';

export default function OpenForm({ id, text, form, onSent }: { id: string; text: string; form: (sent: () => void) => ReactNode; onSent: () => void }) {
  const [open, setOpen] = useState(false);
  if (open) return <>{form(() => (setOpen(false), onSent()))}</>;
  return (
    <View className='sp-form'>
      <Button id={id} className='btn btn--primary btn--block' onClick={() => setOpen(true)}>
        {text}
      </Button>
    </View>
  );
}
