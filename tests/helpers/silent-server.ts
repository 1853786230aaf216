/**
 * A server that accepts every connection and never answers: a network that has stopped responding.
 * It counts the HTTP requests it was sent (by their request lines), so a test asserts how often the
 * hub tried, never how long it waited.
 */
import { createServer, type Socket } from 'node:net';

export interface SilentServer {
  url: string;
  requests: () => number;
  close: () => Promise<void>;
}

export async function startSilentServer(): Promise<SilentServer> {
  const sockets: Socket[] = [];
  let requests = 0;
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.on('data', (chunk: Buffer) => (requests += chunk.toString('latin1').match(/^(GET|POST) \S+ HTTP\/1\.1\r$/gm)?.length ?? 0));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
