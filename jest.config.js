/**
 * Test layers (see README "测试"). Node projects compile TypeScript with swc; the component
 * and weapp projects run under jsdom. e2e (headless Chromium) runs separately: `npm run test:e2e`.
 */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }];
const node = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  roots: [`<rootDir>/test/${name}`],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(chinese-days)/)'],
  ...extra,
});

module.exports = {
  projects: [
    node('core'),
    node('contract'),
    node('server'),
    node('weapp', {
      testEnvironment: 'jsdom',
      testMatch: ['**/*.test.ts'],
      // The server code behind the simulated cloud (better-sqlite3, zod…) resolves its Node builds.
      testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
      // dist/weapp bundles run as built (already ES5 + webpack), never through swc.
      transformIgnorePatterns: ['/node_modules/(?!(chinese-days)/)', '<rootDir>/dist/'],
    }),
    {
      displayName: 'components',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/components'],
      testMatch: ['**/*.test.tsx'],
      transform: { '^.+\\.(t|j)sx?$': 'babel-jest' },
      transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@stencil|\\.pnpm|tslib|react|scheduler|@babel|@testing-library)/)'],
      moduleNameMapper: {
        '^@tarojs/components$': '@tarojs/components/lib/react/index',
        '\\.(css|scss)$': '<rootDir>/test/components/style-stub.js',
        '^@/(.*)$': '<rootDir>/src/$1',
        '^@core/(.*)$': '<rootDir>/core/$1',
        '^@tarojs/taro$': '<rootDir>/test/components/taro-mock.ts',
        // The app uses no Swiper; stub the ESM-only bundle @tarojs/components imports.
        '^swiper/bundle$': '<rootDir>/test/components/style-stub.js',
      },
      setupFiles: ['<rootDir>/test/components/setup.ts'],
      // A page's first dynamic import compiles it through babel: seconds on a busy two-core machine.
      testTimeout: 15000,
    },
  ],
};
