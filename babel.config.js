// Taro's preset for the app build; jest's component project reuses it.
module.exports = {
  // Preact for the H5 build only (config/index.ts); weapp and jest stay on React.
  presets: [['taro', { framework: process.env.TARO_ENV === 'h5' ? 'preact' : 'react', ts: true, compiler: 'webpack5' }]],
};
