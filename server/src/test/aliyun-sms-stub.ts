import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** RFC 3986, written again here (not imported) so the stub checks the sender rather than agreeing with it. */
const encode = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export type StubSms = { phone: string; templateCode: string; signName: string; templateParam: Record<string, string> };

/**
 * A local stand-in for dysmsapi.aliyuncs.com: checks the RPC V1 signature of each SendSms request with the
 * secret it was given and answers as the service does (Code OK, or SignatureDoesNotMatch with HTTP 400).
 */
export async function startAliyunSmsStub(accessKeySecret: string) {
  const received: StubSms[] = [];
  const rejected: string[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const parameters = new URLSearchParams(request.method === 'GET' ? (request.url ?? '').split('?')[1] ?? '' : body);
      const signature = parameters.get('Signature') ?? '';
      const canonical = [...parameters.entries()]
        .filter(([name]) => name !== 'Signature')
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, value]) => `${encode(name)}=${encode(value)}`)
        .join('&');
      const stringToSign = `${request.method}&%2F&${encode(canonical)}`;
      const expected = createHmac('sha1', `${accessKeySecret}&`).update(stringToSign).digest('base64');
      response.setHeader('content-type', 'application/json');
      const isComplete = parameters.get('Action') === 'SendSms' && parameters.get('Version') === '2017-05-25' && parameters.get('SignatureMethod') === 'HMAC-SHA1';
      if (signature !== expected || !isComplete) {
        rejected.push(signature);
        response.statusCode = 400;
        response.end(JSON.stringify({ Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched with our calculation.' }));
        return;
      }
      received.push({
        phone: parameters.get('PhoneNumbers') ?? '',
        templateCode: parameters.get('TemplateCode') ?? '',
        signName: parameters.get('SignName') ?? '',
        templateParam: JSON.parse(parameters.get('TemplateParam') ?? '{}') as Record<string, string>,
      });
      response.end(JSON.stringify({ Code: 'OK', Message: 'OK', BizId: '900619746936498440^0', RequestId: 'F655A8D5-B967-440B-8683-DAD6FF8DE990' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/`,
    received,
    rejected,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
