export default definePageConfig({
  navigationBarTitleText: '公示和异议',
  enablePullDownRefresh: true,
});
