export default definePageConfig({
  navigationBarTitleText: '站点通 · 找站点',
  enablePullDownRefresh: true,
});
