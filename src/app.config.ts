export default defineAppConfig({
  // Main package: the public directory and the villager's own pages (docs/product.md §8: main
  // package ≤ 2 MB); officials' and applicants' pages are the subpackages below.
  pages: [
    'pages/index/index',
    'pages/station/index',
    'pages/map/index',
    'pages/region/index',
    'pages/complaint/new/index',
    'pages/complaint/mine/index',
    'pages/complaint/detail/index',
    'pages/rating/new/index',
    'pages/rating/mine/index',
    'pages/me/index',
    'pages/report-unlisted/index',
    'pages/not-found/index',
  ],
  subPackages: [
    {
      root: 'packages/official',
      pages: ['home/index', 'queue/index', 'complaint/index', 'stats/index', 'ratings/index', 'station/index', 'posts/index', 'post-new/index', 'post/index', 'application/index', 'objections/index', 'training/index', 'admin/index', 'register/index', 'accept/index', 'rectify/index', 'sign/index', 'edit/index', 'edits/index', 'certify/index', 'record/index', 'coverage/index', 'unlisted/index', 'ledger/index', 'ledger/review/index', 'ledger/totals/index', 'inspect/index', 'inspect/dues/index', 'signin/index', 'signin-confirm/index', 'settings/index'],
    },
    { root: 'packages/apply', pages: ['index/index', 'post/index', 'form/index', 'mine/index', 'notices/index', 'notice/index'] },
  ],
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
