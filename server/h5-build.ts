/** Build the H5 app when it is missing or older than its sources, so `npm start` is one command. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { precompressDir } from './h5-static';

const SOURCE_DIRS = ['src', 'config', 'core'];
const SOURCE_FILES = ['package.json', 'babel.config.js'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function h5IsStale(root: string, h5Dir: string): boolean {
  const index = join(h5Dir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(...SOURCE_DIRS.map((d) => newestMtime(join(root, d))), ...SOURCE_FILES.map((f) => newestMtime(join(root, f))));
  return sources > built;
}

export function buildH5(root: string): boolean {
  const result = spawnSync(process.execPath, [join(root, 'node_modules', '@tarojs', 'cli', 'bin', 'taro'), 'build', '--type', 'h5'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) return false;
  // Brotli/gzip copies now, so no villager's first load waits for the server to compress.
  precompressDir(join(root, 'dist', 'h5'));
  return true;
}
