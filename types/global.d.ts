/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';

/** WeChat cloud environment id, injected at build time (config/index.ts defineConstants); '' = default. */
declare const CLOUD_ENV: string;

/** Subscribe-message template ids for complaint updates (config/index.ts defineConstants); [] = do not ask. */
declare const COMPLAINT_TEMPLATE_IDS: string[];

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform Taro is building for; replaced at build time, so each build keeps only its branch. */
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
  }
}
