export default definePageConfig({ navigationBarTitleText: '代录投诉' });
