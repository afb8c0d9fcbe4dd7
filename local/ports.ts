import { createServer } from 'node:net';
import { StartupError } from '#local/startup-error';

/** Asks the OS for a free TCP port (for emulators that cannot listen on port 0 themselves). */
export function pickFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Fails with one clear line when `port` is taken; `hint` says how to choose another one. */
export function assertPortFree(port: number, what: string, hint: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') reject(portInUse(port, what, hint));
      else reject(error);
    });
    server.listen(port, () => server.close(() => resolve()));
  });
}

export function portInUse(port: number, what: string, hint: string): StartupError {
  return new StartupError(`${what}: port ${port} is already in use; ${hint} (0 picks a free port)`);
}

/** A port option: a fixed port, or 0 for any free one. */
export async function resolvePort(port: number, what: string, hint: string): Promise<number> {
  if (port === 0) return pickFreePort();
  await assertPortFree(port, what, hint);
  return port;
}
