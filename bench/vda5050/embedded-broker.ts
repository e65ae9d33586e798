import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { Aedes } from 'aedes';
import { WebSocketServer, createWebSocketStream } from 'ws';

/** An in-process MQTT broker (aedes) on localhost: MQTT over TCP and over WebSocket. */
export interface EmbeddedBroker {
  /** `mqtt://127.0.0.1:<port>`. */
  readonly url: string;
  /** `ws://127.0.0.1:<port>` (MQTT over WebSocket, for browsers). */
  readonly wsUrl: string;
  close(): Promise<void>;
}

/**
 * Starts aedes on `127.0.0.1`: TCP on `port` (0 = any free port) and WebSocket on `wsPort`
 * (0 = any free port, null = none).
 */
export async function startEmbeddedBroker(port = 0, wsPort: number | null = 0): Promise<EmbeddedBroker> {
  const aedes = await Aedes.createBroker();
  const tcp: TcpServer = createTcpServer(aedes.handle);
  await listen(tcp, port);
  let http: HttpServer | null = null;
  let wss: WebSocketServer | null = null;
  if (wsPort !== null) {
    http = createHttpServer();
    wss = new WebSocketServer({ server: http });
    wss.on('connection', (socket, request) => aedes.handle(createWebSocketStream(socket), request));
    await listen(http, wsPort);
  }
  const tcpPort = (tcp.address() as AddressInfo).port;
  const wsBound = http ? (http.address() as AddressInfo).port : 0;
  return {
    url: `mqtt://127.0.0.1:${tcpPort}`,
    wsUrl: http ? `ws://127.0.0.1:${wsBound}` : '',
    async close() {
      for (const c of wss?.clients ?? []) c.terminate();
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      await closeServer(tcp);
      if (wss) await new Promise<void>((resolve) => wss!.close(() => resolve()));
      if (http) await closeServer(http);
    },
  };
}

function listen(server: TcpServer | HttpServer, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: TcpServer | HttpServer): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  });
}
