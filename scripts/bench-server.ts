/**
 * A server under load for `npm run bench`, in its own process: the local server over a station
 * database (`{ "kind": "local", "db": FILE }`), or the baseline, a bare Node http server answering
 * one fixed body (`{ "kind": "bare", "body": "…" }`). Both run alone in a fresh process, as a
 * deployed server does, so neither pays for the bench's own heap (the 240k tier, the timing
 * samples). Prints `{ "url": … }` once listening; stops on SIGTERM.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { aesCipher } from '../adapters/platform/crypto';
import { openDatabase } from '../adapters/sqlite/db';
import { createLocalFunctions, createLocalStores, localPlatform } from '../server/functions';
import { createLocalServer } from '../server/http';

export type ServerJob = { kind: 'local'; db: string } | { kind: 'bare'; body: string };

function serverOf(job: ServerJob): Server {
  if (job.kind === 'bare') {
    return createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(job.body);
      });
    });
  }
  const db = openDatabase(job.db);
  db.pragma('cache_size = -1000000');
  db.pragma('mmap_size = 2000000000');
  const noFiles = { claim: async (id: string) => id, viewUrls: async (ids: string[]) => ids };
  const { functions } = createLocalFunctions(createLocalStores(db), localPlatform(aesCipher([{ id: 'k1', key: randomBytes(32) }]), noFiles));
  process.on('exit', () => db.close());
  return createLocalServer({ functions });
}

const server = serverOf(JSON.parse(process.argv[2]) as ServerJob);
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }) + '\n');
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
