import { Alert, Button, Card, Form, Input, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { homePathFor, useAuth } from '../../app/auth';
import type { User } from '../../app/types';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { AUTH_NS } from './i18n';
import { PhoneCodeSignInForm } from './phone-code-sign-in-form';
import { safeNextPath } from './safe-next';

type Values = { login: string; password: string };

export default function SignInPage() {
  const { t } = useTranslation(AUTH_NS);
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [failure, setFailure] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  const goOn = (user: User) => navigate(safeNextPath(searchParams.get('next')) ?? homePathFor(user.role), { replace: true });

  const handleFinish = async (values: Values) => {
    setIsSubmitting(true);
    setFailure(null);
    try {
      goOn(await signIn(values.login.trim(), values.password));
    } catch (error) {
      setFailure(pickLanguage((error as Error).message, currentLanguage()));
    } finally {
      setIsSubmitting(false);
    }
  };

  const passwordForm = (
    <Form<Values> layout="vertical" onFinish={handleFinish} requiredMark={false} size="large">
      {failure ? <Alert type="error" showIcon title={t('signIn.failed')} description={failure} style={{ marginBottom: 16 }} data-testid="sign-in-error" /> : null}
      <Form.Item name="login" label={t('signIn.login')} rules={[{ required: true, message: t('signIn.loginPlaceholder') }]}>
        <Input autoComplete="username" placeholder={t('signIn.loginPlaceholder')} data-testid="sign-in-login" />
      </Form.Item>
      <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.password') }]}>
        <Input.Password autoComplete="current-password" data-testid="sign-in-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={isSubmitting} data-testid="sign-in-submit">{t('signIn.submit')}</Button>
    </Form>
  );

  return (
    <Card className="auth-card" title={t('signIn.title')}>
      <Tabs
        defaultActiveKey="code"
        destroyOnHidden
        items={[
          { key: 'code', label: <span data-testid="sign-in-tab-code">{t('phoneCode.tab')}</span>, children: <PhoneCodeSignInForm onSignedIn={goOn} /> },
          { key: 'password', label: <span data-testid="sign-in-tab-password">{t('signIn.passwordTab')}</span>, children: passwordForm },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('signIn.noAccount')} <Link to="/sign-up">{t('signIn.signUpSeeker')}</Link> · <Link to="/sign-up?role=employer">{t('signIn.signUpEmployer')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
