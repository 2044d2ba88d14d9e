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
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Compiler } from 'webpack';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * H5 chunking for a slow link (issue 9 item 16, issue 13). Taro's default splits initial chunks
 * only, so every lazily loaded page carried its own copy of the modules and stylesheets it
 * shares with other pages (19 identical copies of the subpackages' sheet). Here:
 * - the entry's node_modules go to one `vendors` chunk (cached across app releases);
 * - a stylesheet used by two or more chunks is emitted once, whatever its size;
 * - code shared by two or more lazily loaded pages goes to a shared chunk loaded with them.
 * The home page itself is pulled into the entry by src/app.tsx, so the first screen needs no
 * second round trip.
 */
export const H5_SPLIT_CHUNKS = {
  chunks: 'all' as const,
  cacheGroups: {
    default: false as const,
    defaultVendors: false as const,
    vendors: { name: 'vendors', test: /[\\/]node_modules[\\/]/, chunks: 'initial' as const, priority: 20, enforce: true },
    styles: { type: 'css/mini-extract', chunks: 'all' as const, minChunks: 2, priority: 30, enforce: true, reuseExistingChunk: true },
    shared: { chunks: 'async' as const, minChunks: 2, priority: 10, reuseExistingChunk: true },
  },
};

export const H5_DROPPED_POLYFILLS = ['whatwg-fetch$', 'abortcontroller-polyfill/dist/abortcontroller-polyfill-only$'];

/** Writes chunk → module sizes (to find what makes the first screen heavy). */
class StatsFile {
  constructor(private readonly file: string) {}
  apply(compiler: Compiler) {
    compiler.hooks.done.tap('zdt-stats', (stats) => {
      const json = stats.toJson({ all: false, chunks: true, chunkModules: true, ids: true });
      const chunks = (json.chunks ?? []).map((c) => ({
        id: c.id,
        names: c.names,
        initial: c.initial,
        files: c.files,
        size: c.size,
        modules: (c.modules ?? []).map((m) => ({ name: m.name, size: m.size })).sort((a, b) => (b.size ?? 0) - (a.size ?? 0)),
      }));
      writeFileSync(this.file, JSON.stringify(chunks, null, 1));
    });
  }
}

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
      // The officials' PC desk (H5), e.g. https://desk.example.cn: the weapp copies sign links to it.
      DESK_ORIGIN: JSON.stringify((process.env.DESK_ORIGIN || '').replace(/\/+$/, '')),
      // The H5 build for CloudBase static hosting: its environment id ('' = the local server; the
      // js-sdk is then left out of the build, src/services/cloudbase-web.ts).
      CLOUDBASE_ENV: JSON.stringify(process.env.TARO_APP_CLOUDBASE_ENV || ''),
      // 说一说 transcripts through WeChat's 同声传译 plugin (weapp, when the app has it added in the
      // WeChat console): ZDT_SPEECH_PLUGIN=1. Off, the plugin and its code stay out of the build.
      SPEECH_PLUGIN: JSON.stringify(process.env.TARO_ENV === 'weapp' && process.env.ZDT_SPEECH_PLUGIN === '1'),
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
    // H5 runs on Preact (its compat layer is ~35 KB smaller over the wire than react-dom, which
    // matters on a slow 3G link, issue 9 item 16); weapp and the jest component tests stay on React.
    framework: process.env.TARO_ENV === 'h5' ? 'preact' : 'react',
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
      webpackChain(chain) {
        chain.optimization.splitChunks(H5_SPLIT_CHUNKS);
        // Taro.request's polyfills for browsers without fetch / AbortController: every browser the
        // H5 targets (WeChat's, current Android and iOS ones) has both, and the polyfills were part
        // of the first download on a slow link (issue 9 item 16).
        for (const polyfill of H5_DROPPED_POLYFILLS) chain.resolve.alias.set(polyfill, false as unknown as string); // false: an empty module
        // The `weui` icon font of Taro's component sheet: unused by the app (see the loader).
        chain.module
          .rule('zdt-drop-weui-font')
          .test(/[\\/]@tarojs[\\/]components[\\/]dist[\\/]taro-components[\\/]taro-components\.css$/)
          .pre()
          .use('drop-weui-font')
          .loader(path.resolve(__dirname, 'drop-weui-font-loader.js'));
        // `ZDT_H5_STATS=file.json npx taro build --type h5`: which modules went into which chunk.
        if (process.env.ZDT_H5_STATS) chain.plugin('zdt-stats').use(StatsFile, [process.env.ZDT_H5_STATS]);
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
