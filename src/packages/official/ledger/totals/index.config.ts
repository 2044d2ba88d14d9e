export default definePageConfig({
  navigationBarTitleText: '台账汇总',
  enablePullDownRefresh: true,
});
