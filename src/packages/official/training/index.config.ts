export default definePageConfig({
  navigationBarTitleText: '培训情况',
  enablePullDownRefresh: true,
});
