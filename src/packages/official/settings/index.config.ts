export default definePageConfig({
  navigationBarTitleText: '参数设置',
});
