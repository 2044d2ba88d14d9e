export default definePageConfig({
  navigationBarTitleText: '投诉统计',
  enablePullDownRefresh: true,
});
