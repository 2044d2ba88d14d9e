/**
 * Every .wxml and .wxss of the weapp build through WeChat's own compilers (`wcc`, `wcsc` from
 * miniprogram-compiler, invoked with the arguments its JS wrapper uses), so a template or style
 * the real client would reject fails here. Broken samples in a temp dir prove the check can fail.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIST, assertWeappBuilt } from './support/simulate';

jest.setTimeout(60_000);

// --- the official compilers -------------------------------------------------------------------

const PKG_DIR = path.dirname(require.resolve('miniprogram-compiler/package.json'));
const PLATFORM_DIR = process.platform === 'darwin' ? 'mac' : process.platform === 'win32' ? 'windows' : 'linux';
const EXE = process.platform === 'win32' ? '.exe' : '';
let binDir = '';

/** The binaries ship without the executable bit; use them from a temp copy rather than chmod-ing node_modules. */
function bin(name: 'wcc' | 'wcsc'): string {
  const shipped = path.join(PKG_DIR, 'bin', PLATFORM_DIR, `${name}${EXE}`);
  if (!existsSync(shipped)) throw new Error(`miniprogram-compiler has no ${name} for ${process.platform} (${shipped})`);
  try {
    accessSync(shipped, constants.X_OK);
    return shipped;
  } catch {
    if (!binDir) binDir = mkdtempSync(path.join(tmpdir(), 'zdt-wcc-'));
    const copy = path.join(binDir, `${name}${EXE}`);
    if (!existsSync(copy)) {
      copyFileSync(shipped, copy);
      chmodSync(copy, 0o755);
    }
    return copy;
  }
}

interface Result {
  ok: boolean;
  status: number | null;
  stdout: string;
  stderr: string;
  args: string[];
}

function run(exe: string, args: string[], cwd: string): Result {
  const r = spawnSync(exe, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  const stderr = r.stderr.toString();
  return { ok: r.status === 0 && !/\bERR\b|error:/i.test(stderr), status: r.status, stdout: r.stdout.toString(), stderr, args };
}

function readJson(file: string): Record<string, unknown> | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * wcc as miniprogram-compiler/src/wcc.js calls it: `-d -cc "<n> <page> <k> <names…>…" <wxml…> <wxs…> -gn $gwx`
 * (n = files whose .json declares usingComponents).
 */
function wcc(root: string, wxml: string[], wxs: string[]): Result {
  const componentArgs: (string | number)[] = [];
  let count = 0;
  for (const file of wxml) {
    const json = readJson(path.join(root, file.replace(/\.wxml$/, '.json')));
    const using = json?.usingComponents as Record<string, string> | undefined;
    if (using) {
      componentArgs.push(file, Object.keys(using).length, ...Object.keys(using));
      count++;
    }
  }
  componentArgs.unshift(count);
  return run(bin('wcc'), ['-d', '-cc', componentArgs.join(' '), ...wxml, ...wxs, '-gn', '$gwx'], root);
}

/** wcsc as miniprogram-compiler/src/wcsc.js calls it: `-db -pc <n> <wxss…>`, files with a .json first (n of them). */
function wcsc(root: string, wxss: string[]): Result {
  const withJson: string[] = [];
  const plain: string[] = [];
  for (const file of wxss) (existsSync(path.join(root, file.replace(/\.wxss$/, '.json'))) ? withJson : plain).push(file);
  return run(bin('wcsc'), ['-db', '-pc', String(withJson.length), ...withJson, ...plain], root);
}

function filesUnder(root: string, ext: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith(ext)) out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  visit(root);
  return out.sort();
}

const report = (r: Result) => `exit ${r.status}\n${r.stderr.trim() || '(no stderr)'}`;

// --- the build --------------------------------------------------------------------------------

describe('dist/weapp through the official compilers', () => {
  let wxml: string[] = [];
  let wxss: string[] = [];
  let wxs: string[] = [];

  beforeAll(() => {
    assertWeappBuilt();
    wxml = filesUnder(DIST, '.wxml');
    wxss = filesUnder(DIST, '.wxss');
    wxs = filesUnder(DIST, '.wxs');
  });

  test('the build has the app pages, base templates and styles', () => {
    const pages = (readJson(path.join(DIST, 'app.json'))?.pages as string[]) ?? [];
    expect(pages).toContain('pages/index/index');
    expect(pages).toContain('pages/station/index');
    for (const p of pages) expect(wxml).toContain(`${p}.wxml`);
    expect(wxml).toContain('base.wxml');
    expect(wxss).toContain('app.wxss');
  });

  test('wcc compiles every .wxml (with the .wxs modules) without errors', () => {
    const r = wcc(DIST, wxml, wxs);
    if (!r.ok) throw new Error(`wcc rejected dist/weapp:\n${report(r)}`);
    expect(r.stdout).toContain('$gwx');
  });

  test('the compiled templates produce a render function for every page', () => {
    const r = wcc(DIST, wxml, wxs);
    expect(r.ok).toBe(true);
    // The same evaluation miniprogram-compiler's wxmlToJs documents (needs a window: jsdom).
    const gwx = new Function(`${r.stdout}; return $gwx;`)() as (p: string) => unknown;
    const pages = (readJson(path.join(DIST, 'app.json'))?.pages as string[]) ?? [];
    for (const p of pages) expect({ page: p, type: typeof gwx(`${p}.wxml`) }).toEqual({ page: p, type: 'function' });
  });

  test('every <import>/<include>/<wxs src> points at a file in the build (wcc resolves them only at run time)', () => {
    const missing: string[] = [];
    for (const file of wxml) {
      const text = readFileSync(path.join(DIST, file), 'utf8');
      for (const m of text.matchAll(/<(import|include|wxs)\b[^>]*\bsrc=["']([^"']+)["']/g)) {
        const target = path.join(DIST, path.dirname(file), m[2]);
        if (!existsSync(target)) missing.push(`${file}: <${m[1]} src="${m[2]}">`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('wcsc compiles all .wxss together without errors', () => {
    const r = wcsc(DIST, wxss);
    if (!r.ok) throw new Error(`wcsc rejected dist/weapp:\n${report(r)}`);
    expect(r.stdout).toContain('version=');
  });

  test('wcsc compiles each .wxss on its own without errors', () => {
    // "On its own" = with the files it @imports (Taro's subpackage sub-common styles), as the client loads them.
    const withImports = (file: string, seen = new Set<string>()): string[] => {
      if (seen.has(file)) return [];
      seen.add(file);
      const deps = [...readFileSync(path.join(DIST, file), 'utf8').matchAll(/@import\s+["']([^"']+)["']/g)].map((m) => path.posix.join(path.posix.dirname(file), m[1]));
      return [file, ...deps.flatMap((d) => withImports(d, seen))];
    };
    const failures = wxss.map((f) => ({ f, r: wcsc(DIST, withImports(f)) })).filter(({ r }) => !r.ok);
    expect(failures.map(({ f, r }) => `${f}: ${report(r)}`)).toEqual([]);
  });
});

// --- the check can fail -----------------------------------------------------------------------

describe('broken samples are reported (the check is not vacuous)', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zdt-wxml-broken-'));
    writeFileSync(path.join(dir, 'good.wxml'), '<view class="a" wx:for="{{list}}" wx:key="id"><text>{{item.name}}</text></view>\n');
    writeFileSync(path.join(dir, 'unclosed.wxml'), '<view class="a">\n  <text>{{item.name</text>\n</view>\n');
    writeFileSync(path.join(dir, 'mismatched.wxml'), '<view>\n  <text>hello</view>\n');
    writeFileSync(path.join(dir, 'good.wxss'), '.a { color: #111; font-size: 32rpx; }\n');
    writeFileSync(path.join(dir, 'broken.wxss'), '.a { color: red;\n  .b {{ }\n');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    if (binDir) rmSync(binDir, { recursive: true, force: true });
  });

  test('a valid WXML sample compiles', () => {
    const r = wcc(dir, ['good.wxml'], []);
    expect(report(r)).toBe(`exit 0\n(no stderr)`);
  });

  test('an unterminated {{ expression is an error naming the file', () => {
    const r = wcc(dir, ['good.wxml', 'unclosed.wxml'], []);
    expect(r.ok).toBe(false);
    expect(r.stderr).toMatch(/unclosed\.wxml:\d+:\d+/);
  });

  test('a mismatched end tag is an error naming the file and line', () => {
    const r = wcc(dir, ['mismatched.wxml'], []);
    expect(r.ok).toBe(false);
    expect(r.stderr).toMatch(/mismatched\.wxml:2:\d+: expect end-tag `text`/);
  });

  test('a valid WXSS sample compiles; a broken one is an error naming the file', () => {
    expect(wcsc(dir, ['good.wxss']).ok).toBe(true);
    const r = wcsc(dir, ['good.wxss', 'broken.wxss']);
    expect(r.ok).toBe(false);
    expect(r.stderr).toMatch(/broken\.wxss\(\d+:\d+\)/);
  });
});
