/**
 * A tappable View that keyboards and screen readers can use too: on H5 a View is a
 * `taro-view-core` with no role, no tab stop and no name, so this gives it role, tab stop,
 * state and Enter/Space. On weapp the extra attributes are ignored.
 */
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface ButtonProps {
  id?: string;
  className?: string;
  onClick?: () => void;
  disabled?: boolean;
  /** Name for screen readers when the visible text is not enough (an icon, a number). */
  label?: string;
  /** `switch` for on/off toggles (then `checked`), `link` for navigation-looking text. */
  role?: 'button' | 'switch' | 'link' | 'radio' | 'checkbox' | 'tab';
  checked?: boolean;
  hoverClass?: string;
  style?: Record<string, string>;
  children?: ReactNode;
}

/** The accessibility attributes for a custom control, for Views that cannot be a Button. */
export function a11yProps({ role = 'button', disabled, label, checked, onClick }: Pick<ButtonProps, 'role' | 'disabled' | 'label' | 'checked' | 'onClick'>): Record<string, unknown> {
  // Always a value: the H5 wrapper writes `undefined` as the string "undefined".
  const props: Record<string, unknown> = { role, tabIndex: 0, 'aria-disabled': disabled ? 'true' : 'false' };
  if (label) props['aria-label'] = label;
  if (checked !== undefined) props['aria-checked'] = checked ? 'true' : 'false';
  props.onKeyDown = (e: { key?: string; preventDefault?: () => void }) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault?.();
    if (!disabled) onClick?.();
  };
  return props;
}

/** Props that name a Taro Input/Textarea's native field for screen readers (H5; weapp ignores them). */
export function nameProps(label: string | undefined): { nativeProps?: Record<string, unknown> } {
  return label ? { nativeProps: { 'aria-label': label } } : {};
}

export default function Button({ id, className, onClick, disabled, label, role, checked, hoverClass = 'tap-active', style, children }: ButtonProps) {
  return (
    <View
      id={id}
      className={className}
      style={style}
      hoverClass={disabled ? 'none' : hoverClass}
      {...a11yProps({ role, disabled, label, checked, onClick })}
      onClick={() => {
        if (!disabled) onClick?.();
      }}
    >
      {children}
    </View>
  );
}
