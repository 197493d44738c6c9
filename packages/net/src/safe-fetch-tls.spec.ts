import https from 'node:https';
import { type AddressInfo } from 'node:net';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { safeFetch } from './safe-fetch.ts';
import { SafeFetchError } from './safe-fetch-error.ts';

// Test-only self-signed certificate for CN=localhost (generated with openssl; not trusted anywhere).
const certificate = `
-----BEGIN CERTIFICATE-----
MIIBljCCATugAwIBAgIUbO7s0SbzoBOf2ECkFg1qbjWAS5QwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyNjA5NDAwNVoYDzIxMjYxMTAy
MDk0MDA1WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAASr8PpSZaLQB5p9E3HfeHqZ66OBRGFoCk5yqI46PxzURBkg9Ox9ib5G
JBF+TwonYB1zETEzM2y9r9AFVjlZcciko2kwZzAdBgNVHQ4EFgQUv1glluqgNvLZ
f3AjYeUh9Jol4pYwHwYDVR0jBBgwFoAUv1glluqgNvLZf3AjYeUh9Jol4pYwDwYD
VR0TAQH/BAUwAwEB/zAUBgNVHREEDTALgglsb2NhbGhvc3QwCgYIKoZIzj0EAwID
SQAwRgIhAIsxcthdl4xwgn0oGTYyY6Ge9A4Jya0aom8hztcdilUAAiEAucpM2x8/
nWbO7xu3EJXA4O4GVZYx0/PDwZD60jF7xdg=
-----END CERTIFICATE-----
`;
const privateKey = `
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgx1X1OFLiweWAbGAi
zy4clVDFDG/dEMmzKycoPFepbRihRANCAASr8PpSZaLQB5p9E3HfeHqZ66OBRGFo
Ck5yqI46PxzURBkg9Ox9ib5GJBF+TwonYB1zETEzM2y9r9AFVjlZccik
-----END PRIVATE KEY-----
`;

let server: https.Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe('safeFetch over TLS', () => {
  it('pins the checked address but sends SNI for the hostname and verifies the certificate', async () => {
    const serverNames: string[] = [];
    const context = tls.createSecureContext({ cert: certificate, key: privateKey });
    server = https.createServer(
      {
        cert: certificate,
        key: privateKey,
        SNICallback: (serverName, callback) => {
          serverNames.push(serverName);
          callback(null, context);
        },
      },
      (_request, response) => response.end('secret'),
    );
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const caught: unknown = await safeFetch(`https://localhost:${port}/`, {
      allow: ['127.0.0.1'],
      resolve: async () => ['127.0.0.1'],
    }).catch((error: unknown) => error);
    expect(SafeFetchError.isInstance(caught) && caught.code).toBe('CONNECTION_FAILED');
    expect((caught as Error).message).toMatch(
      /localhost \(127\.0\.0\.1\) failed \(DEPTH_ZERO_SELF_SIGNED_CERT\)/,
    );
    expect(serverNames).toEqual(['localhost']);
  });
});
