/**
 * The network check's net: Chromium sends every HTTP(S) request through this proxy, whichever context makes
 * it (pages, the service worker, the offscreen document — Playwright's request events miss the last). The
 * fixture hosts on the fixture port are passed to the fixture server; anything else is recorded and refused,
 * so nothing leaves the machine.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingProxy {
  port: number;
  close(): Promise<void>;
}

export async function startRecordingProxy(fixturePort: number, isLocal: (url: string) => boolean, record: (url: string) => void): Promise<RecordingProxy> {
  const server = http.createServer((req, res) => {
    const url = req.url ?? '';
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!isLocal(url) || (target.port !== String(fixturePort) && target.hostname !== '127.0.0.1')) {
      record(url);
      res.writeHead(502, { 'content-type': 'text/plain' }).end('blocked by the e2e network check');
      return;
    }
    const upstream = http.request({ host: '127.0.0.1', port: Number(target.port || 80), path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  // HTTPS goes through CONNECT: nothing is served over TLS here, so every tunnel is recorded and refused.
  server.on('connect', (req, socket) => {
    record(`https://${req.url ?? ''}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
