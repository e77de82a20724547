// What the benchmarks share: the built server's entry point and a free port to start it on.
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const serverMain = fileURLToPath(new URL('../packages/server/dist/main.js', import.meta.url));

export async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
