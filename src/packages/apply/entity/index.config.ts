export default definePageConfig({
  navigationBarTitleText: '站点申办',
  enablePullDownRefresh: true,
});
