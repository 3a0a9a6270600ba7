import { connect } from 'node:net';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { HOST_BRIDGE_PATH } from '../../../common/ipc';
import { startTestHost } from '../../helpers/host';

// Quitting must not wait on a page: a long-poll or a half-sent request used to hold the
// HTTP server open, so the host never exited on SIGTERM (two e2e teardowns timed out in CI).
describe('host close', () => {
  it('ends at once while a page holds a long-poll and a client is mid-request', async () => {
    const host = await startTestHost();
    const polling = io(`http://127.0.0.1:${host.port}`, {
      path: HOST_BRIDGE_PATH,
      auth: { token: host.token },
      transports: ['polling'],
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      polling.once('connect', () => resolve());
      polling.once('connect_error', reject);
    });
    const raw = connect(host.port, '127.0.0.1');
    await new Promise<void>(resolve => raw.once('connect', () => resolve()));
    raw.on('error', () => undefined);
    raw.write('POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\npartial');
    await new Promise(resolve => setTimeout(resolve, 100));

    const started = performance.now();
    await host.stop();
    const took = performance.now() - started;
    polling.close();
    raw.destroy();
    expect(took).toBeLessThan(3_000);
  }, 30_000);
});
