import { Button, Card, Result, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../app/api';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { AUTH_NS } from './i18n';

type State = { kind: 'working' } | { kind: 'confirmed'; email: string } | { kind: 'failed'; message: string };

/** The link mailed at sign-up (/confirm-email?token=…): the email becomes the account's sign-in email. */
export default function ConfirmEmailPage() {
  const { t } = useTranslation(AUTH_NS);
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const [state, setState] = useState<State>({ kind: 'working' });
  // A link works once: React's development double effect must not post it twice.
  const isPosted = useRef(false);

  useEffect(() => {
    if (isPosted.current) return;
    isPosted.current = true;
    api.post<{ email: string }>('/api/auth/email-confirmation', { token })
      .then(({ email }) => setState({ kind: 'confirmed', email }))
      .catch((error: unknown) => setState({ kind: 'failed', message: error instanceof ApiError ? pickLanguage(error.body.message, currentLanguage()) : t('confirmEmail.failed') }));
  }, [token, t]);

  return (
    <Card className="auth-card" title={t('confirmEmail.title')} data-testid="confirm-email" data-state={state.kind}>
      {state.kind === 'working' ? <Spin tip={t('confirmEmail.working')}><div style={{ minHeight: 80 }} /></Spin> : null}
      {state.kind === 'confirmed' ? (
        <Result status="success" title={t('confirmEmail.confirmed', { email: state.email })} extra={<Link to="/sign-in"><Button type="primary">{t('confirmEmail.signIn')}</Button></Link>} />
      ) : null}
      {state.kind === 'failed' ? (
        <Result status="warning" title={t('confirmEmail.failed')} subTitle={state.message} extra={<Link to="/"><Button>{t('confirmEmail.home')}</Button></Link>} />
      ) : null}
    </Card>
  );
}
