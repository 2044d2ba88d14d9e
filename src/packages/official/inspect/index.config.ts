export default definePageConfig({
  navigationBarTitleText: '站点走访',
  enablePullDownRefresh: true,
});
