/**
 * Taro components that the home page does not use (Picker, Textarea, Image). Import them from
 * here, not from '@tarojs/components': on H5 (lazy-components.h5.ts) each is built from its own
 * web component module, so its code is downloaded with the pages that use it and not in the
 * first screen's bundle (issue 9 item 16). weapp and jest use Taro's own components.
 */
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- the one place that may
export { Image, Picker, Textarea } from '@tarojs/components';
