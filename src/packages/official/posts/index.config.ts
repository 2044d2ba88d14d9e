export default definePageConfig({
  navigationBarTitleText: '站点负责人招募',
  enablePullDownRefresh: true,
});
