import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../test-support/test-server.js';
import { acceptedEncoding } from './compressed-body.js';

describe('acceptedEncoding', () => {
  it('prefers brotli, then gzip, as the client weighs them; none when neither is accepted', () => {
    expect(acceptedEncoding('gzip, deflate, br')).toBe('br');
    expect(acceptedEncoding('gzip, deflate')).toBe('gzip');
    expect(acceptedEncoding('br;q=0, gzip')).toBe('gzip');
    expect(acceptedEncoding('gzip;q=0.8, br;q=0.2')).toBe('gzip');
    expect(acceptedEncoding('*')).toBe('br');
    expect(acceptedEncoding('*;q=0, gzip;q=0')).toBeNull();
    expect(acceptedEncoding('identity')).toBeNull();
    expect(acceptedEncoding('deflate')).toBeNull();
    expect(acceptedEncoding('')).toBeNull();
    expect(acceptedEncoding(undefined)).toBeNull();
  });
});

const app = useTestServer();

function post(query: string, acceptEncoding: string | null): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  const body = JSON.stringify({ query });
  return new Promise((resolve, reject) => {
    const request = http.request(
      app.server.url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding }) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const BIG = '{ categoryGroups { slug name description categories { slug name description } } }';

describe('POST /graphql answers', () => {
  it('come compressed in the encoding the client prefers, with their length, and decode to the same JSON', async () => {
    const plain = await post(BIG, null);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const expected = JSON.parse(plain.body.toString('utf8')).data;
    expect(expected.categoryGroups.length).toBeGreaterThan(10);

    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const { headers, body } = await post(BIG, accept);
      expect(headers['content-encoding']).toBe(encoding);
      expect(headers['vary']).toMatch(/Accept-Encoding/);
      expect(Number(headers['content-length'])).toBe(body.length);
      expect(body.length).toBeLessThan(plain.body.length / 2);
      expect(JSON.parse(decode(body).toString('utf8')).data).toEqual(expected);
    }
  });

  it('under 1 KiB stay as they are', async () => {
    const { headers, body } = await post('{ __typename }', 'gzip, deflate, br');
    expect(headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(body.toString('utf8'))).toMatchObject({ data: { __typename: 'Query' } });
  });
});
