export default definePageConfig({
  navigationBarTitleText: '新建招募岗位',
});
