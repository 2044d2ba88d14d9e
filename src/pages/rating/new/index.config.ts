export default definePageConfig({
  navigationBarTitleText: '评价站点',
});
