/** Buttons that open other pages, written as a table of links instead of one onClick each. */
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Button from './Button';

export interface NavLink {
  id: string;
  text: string;
  url: string;
  /** `btn btn--ghost` unless given. */
  className?: string;
  /** How the page opens: on top of this one (default), instead of it, or as a fresh start. */
  open?: 'navigateTo' | 'redirectTo' | 'reLaunch';
}

export function NavButton({ id, text, url, className = 'btn btn--ghost', open = 'navigateTo' }: NavLink) {
  return (
    <Button id={id} className={className} onClick={() => Taro[open]({ url })}>
      {text}
    </Button>
  );
}

/** The links in a row or column (`className`); a `false` entry is a link this person does not get. */
export default function NavButtons({ className, links }: { className: string; links: (NavLink | false)[] }) {
  return <View className={className}>{links.map((link) => (link ? <NavButton key={link.id} {...link} /> : null))}</View>;
}
