import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../app/types';
import { useAuth } from '../../app/auth';
import { applyServerErrors } from '../../components/server-form-errors';
import { AUTH_NS } from './i18n';
import { CODE_PATTERN, PHONE_PATTERN, PhoneCodeInput } from './phone-code-input';

type Values = { phone: string; code: string };
const FIELD_NAMES = ['phone', 'code'] as const;

/** 手机号 → 获取验证码 → 验证码 → 登录. A phone without an account becomes a seeker account. */
export function PhoneCodeSignInForm({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const { t } = useTranslation(AUTH_NS);
  const { signInWithPhoneCode } = useAuth();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  const getPhone = async () => {
    try {
      const { phone } = await form.validateFields(['phone']);
      setFailure(null);
      return phone.trim();
    } catch {
      return null;
    }
  };

  const handleFinish = async (values: Values) => {
    setIsSubmitting(true);
    setFailure(null);
    try {
      onSignedIn(await signInWithPhoneCode(values.phone.trim(), values.code));
    } catch (error) {
      setFailure(applyServerErrors(form, error, FIELD_NAMES));
    } finally {
      setIsSubmitting(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={handleFinish} requiredMark={false} size="large">
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="sign-in-error" /> : null}
      <Form.Item name="phone" label={t('phoneCode.phone')} rules={[{ required: true, message: t('phoneCode.phoneInvalid') }, { pattern: PHONE_PATTERN, message: t('phoneCode.phoneInvalid') }]}>
        <Input maxLength={11} inputMode="tel" autoComplete="tel" placeholder={t('phoneCode.phonePlaceholder')} data-testid="sign-in-phone" />
      </Form.Item>
      <Form.Item name="code" label={t('phoneCode.code')} rules={[{ required: true, message: t('phoneCode.codeInvalid') }, { pattern: CODE_PATTERN, message: t('phoneCode.codeInvalid') }]}>
        <PhoneCodeInput getPhone={getPhone} onSendError={setFailure} testIdPrefix="sign-in" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={isSubmitting} data-testid="sign-in-code-submit">{t('signIn.submit')}</Button>
      <div className="auth-hint">{t('phoneCode.newAccountHint')}</div>
    </Form>
  );
}
