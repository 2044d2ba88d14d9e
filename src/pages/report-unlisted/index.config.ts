export default definePageConfig({ navigationBarTitleText: '举报冒名站点' });
