export default definePageConfig({
  navigationBarTitleText: '招募岗位',
  enablePullDownRefresh: true,
});
