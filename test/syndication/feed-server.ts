import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';

export const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
export const FEEDS = path.join(CORPUS, 'feeds');
export const WXR = path.join(CORPUS, 'wxr');

/** Every file under a folder, sorted, relative paths. */
export function corpusFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  return walk(dir).map((f) => path.relative(dir, f)).filter((f) => !f.endsWith('.md')).sort();
}

export interface FeedServer {
  url: string;
  hits: Map<string, number>;
  /** Replace or add a route: path → handler. */
  routes: Map<string, http.RequestListener>;
  close(): Promise<void>;
}

/**
 * A local HTTP server on 127.0.0.1 serving the feed corpus under /corpus/…
 * with ETag and Last-Modified (answering 304 to conditional requests), plus
 * whatever extra routes a test adds (redirects, slow or oversized answers).
 */
export async function startFeedServer(): Promise<FeedServer> {
  const hits = new Map<string, number>();
  const routes = new Map<string, http.RequestListener>();
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    hits.set(p, (hits.get(p) ?? 0) + 1);
    const route = routes.get(p);
    if (route) return route(req, res);
    if (p.startsWith('/corpus/')) {
      const file = path.join(FEEDS, p.slice('/corpus/'.length));
      if (!file.startsWith(FEEDS) || !fs.existsSync(file)) return void res.writeHead(404).end('not here');
      const body = fs.readFileSync(file);
      const etag = `"${crypto.createHash('sha1').update(body).digest('hex')}"`;
      const lastModified = 'Mon, 23 Nov 2026 10:00:00 GMT';
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      const type = file.endsWith('.json') ? 'application/feed+json' : 'application/xml';
      return void res.writeHead(200, { 'content-type': type, etag, 'last-modified': lastModified }).end(body);
    }
    res.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    routes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
