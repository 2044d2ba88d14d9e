// Taro's preset for the app build; jest's component project reuses it.
const h5 = process.env.TARO_ENV === 'h5';
module.exports = {
  presets: [
    [
      'taro',
      {
        // Preact for the H5 build only (config/index.ts); weapp and jest stay on React.
        framework: h5 ? 'preact' : 'react',
        ts: true,
        compiler: 'webpack5',
        // H5: browsers from 2018 on (WeChat's built-in browser, Android WebView ≥ 64, iOS ≥ 12)
        // run async/await, classes and spread natively; Taro's default (iOS 9, Android 5) turned
        // them into much longer ES5 that a slow link had to download (issue 9 item 16).
        ...(h5 && process.env.NODE_ENV !== 'test' ? { targets: { chrome: '64', ios: '12' } } : {}),
      },
    ],
  ],
};
