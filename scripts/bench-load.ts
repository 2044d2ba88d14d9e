/**
 * The load generator of `npm run bench`, run as its own process so it does not share the event
 * loop (or the CPU accounting) of the server it measures. Reads one JSON job from argv[2], runs
 * autocannon and prints one JSON line of results on stdout.
 *
 * Jobs: `{ url, bodies, headers?, seconds, connections }` sends the bodies round robin;
 * `{ url, submit: { stationId, openid }, seconds, connections }` sends complaint submissions,
 * each with a new requestId, and reports the ids the server acknowledged.
 */
import autocannon from 'autocannon';
import type { LoadJob as Job } from './bench-util';

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2]) as Job;
  let n = 0;
  let sent = 0;
  const acknowledged: string[] = [];
  const headers = { 'content-type': 'application/json', ...(job.headers ?? {}) };
  const body = (): string => {
    sent++;
    if (job.submit) {
      const requestId = `bench-${process.pid}-${n++}`;
      return JSON.stringify({ action: 'submit', requestId, data: { stationId: job.submit.stationId, category: 'attitude', description: '压测投诉：服务态度不好，请核实处理。' } });
    }
    const bodies = job.bodies as string[];
    return bodies[n++ % bodies.length];
  };
  const result = await autocannon({
    url: job.url,
    method: 'POST',
    connections: job.connections,
    duration: job.seconds,
    headers: job.submit ? { ...headers, 'x-wx-openid': job.submit.openid } : headers,
    requests: [
      {
        // One villager per submit: one person's submits are rate-limited (core/shared/rate-limit.ts).
        setupRequest: (req) => (job.submit ? { ...req, body: body(), headers: { ...req.headers, 'x-wx-openid': `${job.submit.openid}-${n}` } } : { ...req, body: body() }),
        onResponse: (status, resBody) => {
          if (job.submit && status === 200) acknowledged.push((JSON.parse(resBody) as { data: { id: string } }).data.id);
        },
      },
    ],
  });
  process.stdout.write(
    JSON.stringify({ reqPerSec: result.requests.average, p50ms: result.latency.p50, p99ms: result.latency.p99, errors: result.errors, non2xx: result.non2xx, sent, acknowledged }) + '\n',
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
