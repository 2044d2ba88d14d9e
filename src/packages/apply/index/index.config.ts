export default definePageConfig({
  navigationBarTitleText: '招募与公示',
  enablePullDownRefresh: true,
});
