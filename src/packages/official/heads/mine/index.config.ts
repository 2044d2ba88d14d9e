export default definePageConfig({
  navigationBarTitleText: '我的培训与考核',
  enablePullDownRefresh: true,
});
