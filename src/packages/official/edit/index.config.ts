export default definePageConfig({
  navigationBarTitleText: '修改站点信息',
});
