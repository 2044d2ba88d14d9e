export default definePageConfig({
  navigationBarTitleText: '站点信息审核',
  enablePullDownRefresh: true,
});
