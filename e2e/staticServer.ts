// A minimal static server for dist/ in e2e tests: optional path prefix and extra headers on every response.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  close(): Promise<void>;
}

/** Serve dist/ at http://127.0.0.1:port{prefix}; paths outside the prefix or missing files get 404. */
export async function serveDist(opts: { port: number; prefix?: string; headers?: Record<string, string> }) {
  const prefix = opts.prefix ?? '/';
  const headers = opts.headers ?? {};
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!path.startsWith(prefix)) {
      res.writeHead(404, headers).end();
      return;
    }
    const rel = normalize(path.slice(prefix.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join('dist', rel));
      res
        .writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream', ...headers })
        .end(body);
    } catch {
      res.writeHead(404, headers).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(opts.port, '127.0.0.1', resolve));
  return {
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  } satisfies StaticServer;
}
