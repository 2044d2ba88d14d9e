export default defineAppConfig({
  // Main package: the public directory only (PRODUCT §8: main package ≤ 2 MB).
  // Officials' (complaint handling, recruitment, certification) and applicants' pages go to
  // subpackages, e.g. subPackages: [{ root: 'packages/official', pages: [...] }, { root: 'packages/apply', pages: [...] }].
  pages: ['pages/index/index', 'pages/station/index', 'pages/map/index', 'pages/region/index'],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f3f4f6',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '站点通',
    navigationBarTextStyle: 'black',
  },
  // Location is asked only after a tap on "查找附近站点"; the app works without it (region picker).
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '用于查找离您最近的服务站点' },
  },
  ...(process.env.TARO_ENV === 'weapp' ? { lazyCodeLoading: 'requiredComponents' } : {}),
});
