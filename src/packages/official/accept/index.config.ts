export default definePageConfig({ navigationBarTitleText: '我有授权码' });
