import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Core modules the app may import by value: zod-free and server-free, so the mini-program bundle
 * stays small. Everything else of the server side (zod, schemas, services, routers, handlers,
 * adapters) only as `import type`.
 */
const CLIENT_CORE = [
  '@core/*/limits',
  '@core/*/model',
  '@core/station/vocabulary',
  '@core/station/hours',
  '@core/station/sheet-labels',
  '@core/rating/rules',
  '@core/recruitment/idcard',
  '@core/calendar/workdays',
  '@core/shared/documents',
  '@core/shared/errors',
  '@core/shared/geo',
  '@core/shared/image',
  '@core/shared/time',
  '@core/complaint/search',
  '@core/complaint/figures',
  '@core/media/voice',
];
const SERVER_ONLY = 'The app imports only types from here: zod and server modules would bloat the mini-program. Values the app needs live in zod-free core modules (core/*/limits.ts, model.ts…).';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', '.cache/', 'coverage/', '**/*.js', '!config/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['src/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@tarojs/components',
              importNames: ['Picker', 'Textarea', 'Image'],
              allowTypeImports: true,
              message: 'Import Picker, Textarea and Image from src/ui/lazy-components: on H5 they would otherwise join the home page download.',
            },
          ],
          patterns: [
            { group: ['zod', 'zod/*'], allowTypeImports: true, message: SERVER_ONLY },
            // Two levels (`@core/<area>/<module>`) so that the allowed modules can be re-included.
            { group: ['@core/*/*', ...CLIENT_CORE.map((m) => `!${m}`)], allowTypeImports: true, message: SERVER_ONLY },
            { group: ['**/core/**', '**/cloudfunctions/**', '**/adapters/**', '**/server/**'], allowTypeImports: true, message: `${SERVER_ONLY} (Use the @core alias for the allowed modules.)` },
          ],
        },
      ],
    },
  },
  {
    // Only the local server, CLI scripts and tests print to the console.
    files: ['server/**', 'scripts/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
);
