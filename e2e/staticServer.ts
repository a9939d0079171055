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
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  /** Stop listening and drop open connections (idempotent): afterwards the origin is unreachable. */
  close(): Promise<void>;
  /** Paths of every request the server answered, in order. */
  requests: string[];
}

/** Serve dist/ at http://127.0.0.1:port{prefix}; paths outside the prefix or missing files get 404. */
export async function serveDist(opts: { port: number; prefix?: string; headers?: Record<string, string> }) {
  const prefix = opts.prefix ?? '/';
  const headers = opts.headers ?? {};
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
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
  let closed: Promise<void> | null = null;
  return {
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
    requests,
  } satisfies StaticServer;
}
