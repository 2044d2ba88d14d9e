export default definePageConfig({
  navigationBarTitleText: '招募岗位',
  enableShareAppMessage: true,
});
