export default definePageConfig({ navigationBarTitleText: '角色与节假日' });
