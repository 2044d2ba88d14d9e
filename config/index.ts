/**
 * Taro build configuration (written by hand, after the CLI's bundled template).
 *   npx taro build --type weapp   → dist/weapp   (open the repository root in WeChat DevTools)
 *   npx taro build --type h5      → dist/h5      (served by the local server at http://127.0.0.1:8080/)
 * Build-time constants: CLOUD_ENV (WeChat cloud environment id; empty = the environment the
 * mini-program is bound to), set it with `CLOUD_ENV=xxx npx taro build --type weapp`;
 * COMPLAINT_TEMPLATES (subscribe-message template per complaint event, the same JSON as the
 * functions' ZDT_SUBSCRIBE_TEMPLATES; empty = the app does not ask), e.g.
 * `COMPLAINT_TEMPLATES='{"complaint_accepted":"id1","complaint_replied":"id2"}'`.
 */
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/** Pure TypeScript from the shared core (vocabulary, hours, geo, time, error codes) is compiled with the app. */
const coreDir = path.resolve(__dirname, '..', 'core');

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zhandiantong',
    date: '2025-11-29',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV || ''),
      COMPLAINT_TEMPLATES: JSON.stringify(JSON.parse(process.env.COMPLAINT_TEMPLATES || '{}')),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      '@core': path.resolve(__dirname, '..', 'core'),
    },
    copy: {
      // The native map's marker icon must be a file in the package (WeChat map markers do not take data: URIs).
      patterns: process.env.TARO_ENV === 'weapp' ? [{ from: 'src/assets/marker.png', to: 'dist/weapp/assets/marker.png' }] : [],
      options: {},
    },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: true },
    mini: {
      compile: { include: [coreDir] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile: { include: [coreDir] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
