/**
 * `npm start`: the whole app on one machine — SQLite in .data/, demo data on first start,
 * the H5 build (rebuilt when stale), every function at POST /api/<fn>, and the scheduler
 * every minute.
 */
import { join, resolve } from 'node:path';
import { createLocalApp } from './app';
import { buildH5, h5IsStale } from './h5-build';
import { demoIdentities } from '../seed/identities';

const root = resolve(__dirname, '..');
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = resolve(process.env.DATA_DIR ?? join(root, '.data'));
const h5Dir = join(root, 'dist', 'h5');
const SCHEDULER_INTERVAL_MS = Number(process.env.SCHEDULER_INTERVAL_MS ?? 60_000);

const jsonLog = (entry: Record<string, unknown>) => console.info(JSON.stringify({ t: new Date().toISOString(), ...entry }));

async function main(): Promise<void> {
  if (process.env.SKIP_H5_BUILD !== '1' && h5IsStale(root, h5Dir)) {
    console.info('H5 页面需要构建（约 30 秒）…');
    if (!buildH5(root)) console.error('H5 构建失败：接口仍可用，页面请修复后运行 npm run build:h5');
  }

  const app = await createLocalApp({
    dbFile: join(dataDir, 'zhandiantong.sqlite'),
    // The data key lives outside the database file.
    keyFile: join(dataDir, 'keys', 'data-keys.txt'),
    uploadsDir: join(dataDir, 'uploads'),
    h5Dir,
    demo: process.env.DEMO !== '0',
    demoComplaints: process.env.DEMO !== '0',
    logger: { info: jsonLog, error: jsonLog },
    accessLog: process.env.ACCESS_LOG === '1' ? jsonLog : undefined,
  });
  const { server, seeded } = app;

  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') {
      console.error(`端口 ${port} 已被占用。请关闭占用它的程序，或换一个端口：PORT=${port + 1} npm start`);
    } else {
      console.error(`无法启动服务：${err.code ?? err.message}`);
    }
    app.db.close();
    process.exit(1);
  });

  const timer = setInterval(() => void app.runScheduler(), SCHEDULER_INTERVAL_MS);
  timer.unref();

  server.listen(port, host, () => {
    console.info(`\n站点通本地服务已启动：http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/`);
    console.info(`数据库：${join(dataDir, 'zhandiantong.sqlite')}（${seeded.seeded ? '首次启动，已写入演示数据' : '已有数据'}，站点 ${seeded.stations} 个）`);
    console.info(`只监听 ${host}：本地服务信任请求头 X-WX-OPENID 作为身份，请勿暴露到公网。`);
    console.info('演示身份（H5 页面“我的”里可切换；也可 GET /dev/identities 查看）：');
    for (const id of demoIdentities()) console.info(`  ${id.openid.padEnd(24)} ${id.role.padEnd(16)} ${id.name}`);
    console.info(`定时任务（督办、自动办结、发送通知）每 ${Math.round(SCHEDULER_INTERVAL_MS / 1000)} 秒运行；立即运行：POST /dev/scheduler/run；拨时间：POST /dev/clock`);
    console.info('按 Ctrl-C 停止。\n');
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.info('正在停止…');
    clearInterval(timer);
    setTimeout(() => process.exit(0), 3000).unref();
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error('启动失败：', err instanceof Error ? err.message : err);
  process.exit(1);
});
