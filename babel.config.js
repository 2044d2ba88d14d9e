// Taro's preset for the app build; jest's component project reuses it.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
