export default definePageConfig({
  navigationBarTitleText: '投诉待办',
  enablePullDownRefresh: true,
});
