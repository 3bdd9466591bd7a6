import { startEmulator } from './emulator.js';

it('starts the built emulator on a free port and reads its stats', async () => {
  const emulator = await startEmulator();
  try {
    const response = await fetch(emulator.tokenEndpoint.replace('localhost', '127.0.0.1'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'caller',
        client_secret: 'caller-secret',
        audience: 'target-api',
      }),
    });
    expect(response.status).toBe(200);
    expect(await emulator.stats()).toEqual({
      tokenRequests: { apiAccess: 1, standard: 0 },
      jwksRequests: 0,
    });
  } finally {
    await emulator.stop();
  }
});
