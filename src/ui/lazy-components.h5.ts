/**
 * H5: the same proxies Taro's '@tarojs/components' makes (lib/react/components.js), but each
 * from its own web component module. Webpack keeps a module of that barrel in the entry as soon
 * as any page uses its export, so importing Picker/Textarea/Image from it put ~40 KB of their
 * code into the first download; imported from here they go with the pages that use them.
 */
import type { Image as TaroImage, Picker as TaroPicker, Textarea as TaroTextarea } from '@tarojs/components';
import { manipulatePropsFunction } from '@tarojs/components/lib/react/helper.js';
import { createReactComponent } from '@tarojs/components/lib/react/react-component-lib/createComponent.js';
import { defineCustomElement as defineImage } from '@tarojs/components/dist/components/taro-image-core.js';
import { defineCustomElement as definePicker } from '@tarojs/components/dist/components/taro-picker-core.js';
import { defineCustomElement as defineTextarea } from '@tarojs/components/dist/components/taro-textarea-core.js';

export const Image = /*@__PURE__*/ createReactComponent('taro-image-core', undefined, manipulatePropsFunction, defineImage) as typeof TaroImage;
export const Picker = /*@__PURE__*/ createReactComponent('taro-picker-core', undefined, manipulatePropsFunction, definePicker) as typeof TaroPicker;
export const Textarea = /*@__PURE__*/ createReactComponent('taro-textarea-core', undefined, manipulatePropsFunction, defineTextarea) as typeof TaroTextarea;
