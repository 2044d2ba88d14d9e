export default definePageConfig({
  navigationBarTitleText: '本站投诉',
  enablePullDownRefresh: true,
});
