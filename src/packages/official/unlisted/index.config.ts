export default definePageConfig({ navigationBarTitleText: '冒名站点举报' });
