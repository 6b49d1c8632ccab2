import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAliyunSmsStub } from '../../test/aliyun-sms-stub.js';
import { AppError } from '../errors.js';
import { createAliyunSmsSender, signRpcRequest } from './aliyun-sms.js';

describe('Alibaba Cloud SMS (dysmsapi SendSms)', () => {
  it("signs the example request of Alibaba Cloud's signature documentation to its published signature", () => {
    const example = {
      AccessKeyId: 'testId', Action: 'SendSms', Format: 'XML', OutId: '123', PhoneNumbers: '15300000001', RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用', SignatureMethod: 'HMAC-SHA1', SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0', TemplateCode: 'SMS_71390007', TemplateParam: '{"customer":"test"}', Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(signRpcRequest('GET', example, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
    expect(signRpcRequest('GET', { ...example, PhoneNumbers: '15300000002' }, 'testSecret')).not.toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  let stub: Awaited<ReturnType<typeof startAliyunSmsStub>>;
  beforeAll(async () => {
    stub = await startAliyunSmsStub('stub-secret');
  });
  afterAll(async () => stub.close());

  const config = (secret: string) => ({
    accessKeyId: 'LTAI-test', accessKeySecret: secret, signName: '职播测试', templateCode: 'SMS_123456', endpoint: stub.endpoint, regionId: 'cn-hangzhou',
  });

  it('sends a signed SendSms request that the stub accepts, with the code as the template variable', async () => {
    await createAliyunSmsSender(config('stub-secret')).sendCode('13800138000', '042917');
    expect(stub.received.at(-1)).toEqual({ phone: '13800138000', templateCode: 'SMS_123456', signName: '职播测试', templateParam: { code: '042917' } });
  });

  it('fails with a 503-class error when the service refuses the signature (a wrong secret)', async () => {
    const before = stub.received.length;
    const sending = createAliyunSmsSender(config('wrong-secret')).sendCode('13800138000', '111111');
    await expect(sending).rejects.toBeInstanceOf(AppError);
    await expect(sending).rejects.toMatchObject({ code: 'unavailable', details: { providerCode: 'SignatureDoesNotMatch' } });
    expect(stub.received).toHaveLength(before);
    expect(stub.rejected.length).toBeGreaterThan(0);
  });
});
