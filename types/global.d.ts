/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';

/** WeChat cloud environment id, injected at build time (config/index.ts defineConstants); '' = default. */
declare const CLOUD_ENV: string;
/** Origin of the officials' PC desk (H5), '' when not configured (build-time DESK_ORIGIN). */
declare const DESK_ORIGIN: string;

/**
 * Subscribe-message templates for complaint updates, per event (config/index.ts defineConstants;
 * the same JSON as ZDT_SUBSCRIBE_TEMPLATES); {} = do not ask.
 */
declare const COMPLAINT_TEMPLATES: Record<string, string | { id: string }>;

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform Taro is building for; replaced at build time, so each build keeps only its branch. */
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
  }
}
/** CloudBase environment of the H5 build for static hosting, '' for the local server (build-time TARO_APP_CLOUDBASE_ENV). */
declare const CLOUDBASE_ENV: string;
/**
 * Whether the mini-program has WeChat's 同声传译 (WechatSI) plugin enabled (build-time
 * ZDT_SPEECH_PLUGIN=1): voice notes then come with a transcript. Off: no plugin in the build.
 */
declare const SPEECH_PLUGIN: boolean;
/** The mini-program's plugin loader (weapp only; used only when SPEECH_PLUGIN). */
declare function requirePlugin(name: string): unknown;
