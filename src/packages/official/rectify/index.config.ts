export default definePageConfig({ navigationBarTitleText: '站点整改' });
