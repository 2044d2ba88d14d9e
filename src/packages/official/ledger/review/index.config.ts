export default definePageConfig({
  navigationBarTitleText: '台账审核',
  enablePullDownRefresh: true,
});
