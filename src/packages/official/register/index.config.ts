export default definePageConfig({
  navigationBarTitleText: '站点登记',
});
