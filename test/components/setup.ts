/** Runs before every component test file (jest.config.js `setupFiles`). */
// Build-time constant normally injected by Taro's defineConstants (config/index.ts).
(globalThis as unknown as { CLOUD_ENV: string }).CLOUD_ENV = '';
(globalThis as unknown as { CLOUDBASE_ENV: string }).CLOUDBASE_ENV = '';
(globalThis as unknown as { SPEECH_PLUGIN: boolean }).SPEECH_PLUGIN = false;
(globalThis as unknown as { DESK_ORIGIN: string }).DESK_ORIGIN = 'https://desk.test';
// The app branches on process.env.TARO_ENV; tests run the H5 code paths unless a test switches to 'weapp'.
process.env.TARO_ENV = 'h5';
// Feature flags @tarojs/runtime expects from the build (imported by @tarojs/components helpers).
for (const flag of [
  'ENABLE_INNER_HTML',
  'ENABLE_ADJACENT_HTML',
  'ENABLE_SIZE_APIS',
  'ENABLE_TEMPLATE_CONTENT',
  'ENABLE_CLONE_NODE',
  'ENABLE_CONTAINS',
  'ENABLE_MUTATION_OBSERVER',
]) {
  (globalThis as Record<string, unknown>)[flag] = false;
}
// @tarojs/components: false = define the web components (they render in jsdom).
(globalThis as Record<string, unknown>).DEPRECATED_ADAPTER_COMPONENT = false;
