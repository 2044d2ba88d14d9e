export default definePageConfig({
  navigationBarTitleText: '负责人考核',
  enablePullDownRefresh: true,
});
