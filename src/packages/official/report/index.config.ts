export default definePageConfig({ navigationBarTitleText: '报表与报送' });
