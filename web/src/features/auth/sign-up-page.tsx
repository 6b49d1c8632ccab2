import { Alert, App, Button, Card, Form, Input, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { homePathFor, useAuth, type SignUpInput } from '../../app/auth';
import { applyServerErrors } from '../../components/server-form-errors';
import { AUTH_NS } from './i18n';
import { CODE_PATTERN, PHONE_PATTERN, PhoneCodeInput } from './phone-code-input';
import { safeNextPath } from './safe-next';

type Role = 'seeker' | 'employer';
type Values = { phone: string; code: string; email?: string; password: string; displayName: string };
const FIELD_NAMES = ['phone', 'code', 'email', 'password', 'displayName'] as const;

/**
 * Everyone signs up with a phone number confirmed by an SMS code (employers add a work email, which signs in
 * once the link mailed to it is opened). A phone that already has an account signs in to it: the server
 * answers the same way, so only the phone's holder learns that it had one.
 */
export default function SignUpPage() {
  const { t } = useTranslation(AUTH_NS);
  const [searchParams, setSearchParams] = useSearchParams();
  const role: Role = searchParams.get('role') === 'employer' ? 'employer' : 'seeker';
  const { signUp } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  const handleFinish = async (values: Values) => {
    setIsSubmitting(true);
    setFailure(null);
    const input: SignUpInput = {
      role,
      password: values.password,
      displayName: values.displayName.trim(),
      phone: values.phone.trim(),
      code: values.code,
      email: values.email?.trim() || undefined,
    };
    try {
      const { user, pendingEmail } = await signUp(input);
      // The same words whether or not the address has an account: only its inbox learns which.
      if (pendingEmail) message.info({ content: t('signUp.emailSent', { email: pendingEmail }), duration: 8, className: 'sign-up-email-sent' });
      navigate(safeNextPath(searchParams.get('next')) ?? (user.role === 'employer' ? '/employer/company' : homePathFor(user.role)), { replace: true });
    } catch (error) {
      setFailure(applyServerErrors(form, error, FIELD_NAMES));
    } finally {
      setIsSubmitting(false);
    }
  };

  const getPhone = async () => {
    try {
      const { phone } = await form.validateFields(['phone']);
      setFailure(null);
      return phone.trim();
    } catch {
      return null;
    }
  };

  const handleTabChange = (key: string) => {
    setFailure(null);
    setSearchParams(key === 'employer' ? { role: 'employer' } : {}, { replace: true });
  };

  return (
    <Card className="auth-card" title={t('signUp.title')}>
      <Tabs activeKey={role} onChange={handleTabChange} items={[{ key: 'seeker', label: t('signUp.seekerTab') }, { key: 'employer', label: t('signUp.employerTab') }]} />
      <Form<Values> key={role} form={form} layout="vertical" onFinish={handleFinish} requiredMark={false} size="large">
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="sign-up-error" /> : null}
        {role === 'employer' ? (
          <Form.Item name="email" label={t('signUp.email')} rules={[{ required: true, type: 'email', message: t('signUp.emailInvalid') }]}>
            <Input autoComplete="email" inputMode="email" data-testid="sign-up-email" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="phone"
          label={t('signUp.phone')}
          rules={[{ required: true, message: t('signUp.phoneInvalid') }, { pattern: PHONE_PATTERN, message: t('signUp.phoneInvalid') }]}
        >
          <Input autoComplete="tel" inputMode="tel" maxLength={11} placeholder={t('signUp.phonePlaceholder')} data-testid="sign-up-phone" />
        </Form.Item>
        <Form.Item name="code" label={t('phoneCode.code')} extra={t('signUp.codeHint')} rules={[{ required: true, message: t('phoneCode.codeInvalid') }, { pattern: CODE_PATTERN, message: t('phoneCode.codeInvalid') }]}>
          <PhoneCodeInput getPhone={getPhone} onSendError={setFailure} testIdPrefix="sign-up" />
        </Form.Item>
        <Form.Item name="password" label={t('signUp.password')} extra={t('signUp.passwordHint')} rules={[{ required: true, min: 8, message: t('signUp.passwordTooShort') }]}>
          <Input.Password autoComplete="new-password" data-testid="sign-up-password" />
        </Form.Item>
        <Form.Item name="displayName" label={role === 'employer' ? t('signUp.contactName') : t('signUp.displayName')} rules={[{ required: true, whitespace: true, message: t('signUp.displayName') }]}>
          <Input maxLength={50} placeholder={t('signUp.displayNamePlaceholder')} data-testid="sign-up-name" />
        </Form.Item>
        {role === 'employer' ? <Typography.Paragraph type="secondary">{t('signUp.employerNext')}</Typography.Paragraph> : null}
        <Button type="primary" htmlType="submit" block loading={isSubmitting} data-testid="sign-up-submit">
          {role === 'employer' ? t('signUp.submitEmployer') : t('signUp.submitSeeker')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('signUp.haveAccount')} <Link to="/sign-in">{t('signUp.signIn')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
