import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Checkbox, Drawer, Form, Input, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { NAVIGATION } from '../../app/navigation';
import { CitySelect } from '../../components/city-select';
import { applyServerErrors } from '../../components/server-form-errors';
import { CODE_PATTERN, PHONE_PATTERN, PhoneCodeInput } from '../auth/phone-code-input';
import { LIVE_NS } from './i18n';
import type { ApplyController, QuickProfile } from './use-apply';

type Mode = 'sign-up' | 'sign-in' | 'profile';
type Values = { name?: string; phone?: string; homeCityCode?: string; password?: string; login?: string; code?: string; sharePhone?: boolean };
const FIELD_NAMES = ['name', 'phone', 'homeCityCode', 'password', 'login', 'code'] as const;

/** The server names sign-up's name `displayName` and the profile's fields `profile.x`: map them onto this form. */
function renameFields(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = error.fields.map((field) => ({ ...field, path: field.path.replace('displayName', 'name') }));
  return new ApiError(error.status, { ...error.body, fields });
}

/**
 * 报名 for anyone who cannot apply in one tap yet: a visitor confirms a phone number with an SMS code (a new
 * number becomes a seeker account; the quick profile is made from the same fields) or signs in with a
 * password; a seeker without a profile fills in only what is missing.
 */
export function ApplySheet({ controller }: { controller: ApplyController }) {
  const { t } = useTranslation(LIVE_NS);
  const { t: tCommon } = useTranslation();
  const { user, signInWithPhoneCode, signIn } = useAuth();
  const { sheet, profile, closeSheet, submit, showReceipt, loadSeekerState } = controller;
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<Mode>('sign-up');
  const [failure, setFailure] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  // While the drawer slides away it keeps showing what it showed (not the empty form).
  const lastSheet = useRef(sheet);
  if (sheet) lastSheet.current = sheet;
  const shown = sheet ?? lastSheet.current;
  const job = shown?.job ?? null;
  const receipt = shown?.receipt ?? null;
  const isOpen = sheet !== null;

  // Reset when the sheet opens for a job; a sign-in during the flow must not reset it again.
  const latest = useRef({ user, profile });
  latest.current = { user, profile };
  const openedFor = sheet?.job.jobId ?? null;
  useEffect(() => {
    if (!openedFor) return;
    const { user: current, profile: known } = latest.current;
    setFailure(null);
    setMode(current ? 'profile' : 'sign-up');
    form.resetFields();
    if (current) form.setFieldsValue({ name: known?.name ?? current.displayName, phone: known?.phone ?? current.phone ?? undefined });
  }, [openedFor, form]);

  const hasApplicationsPage = NAVIGATION.some((entry) => entry.path === '/me/applications' && entry.isImplemented);

  const handleFinish = async (values: Values) => {
    if (!job) return;
    setIsSubmitting(true);
    setFailure(null);
    try {
      const quickProfile: QuickProfile | undefined = values.name && values.phone && values.homeCityCode
        ? { name: values.name.trim(), phone: values.phone.trim(), homeCityCode: values.homeCityCode }
        : undefined;
      const sharePhone = values.sharePhone === true;
      if (mode === 'sign-up') {
        const signedIn = await signInWithPhoneCode(values.phone!.trim(), values.code!, values.name!.trim());
        if (signedIn.role !== 'seeker') return;
        showReceipt(job, await submit(job, quickProfile, sharePhone));
      } else if (mode === 'sign-in') {
        const signedIn = await signIn(values.login!.trim(), values.password!);
        if (signedIn.role !== 'seeker') return;
        const existing = await loadSeekerState();
        if (!existing) {
          setMode('profile');
          form.setFieldsValue({ name: signedIn.displayName, phone: signedIn.phone ?? undefined, password: undefined });
          return;
        }
        showReceipt(job, await submit(job, undefined, sharePhone));
      } else {
        showReceipt(job, await submit(job, quickProfile, sharePhone));
      }
    } catch (error) {
      setFailure(applyServerErrors(form, renameFields(error), FIELD_NAMES));
    } finally {
      setIsSubmitting(false);
    }
  };

  const getPhone = async () => {
    try {
      const { phone } = await form.validateFields(['phone']);
      setFailure(null);
      return phone ? phone.trim() : null;
    } catch {
      return null;
    }
  };

  let body;
  if (receipt && job) {
    body = (
      <div className="apply-done" data-testid="apply-success">
        <CheckCircleFilled className="apply-done-icon" />
        <Typography.Title level={4} style={{ margin: '8px 0' }}>{receipt.created ? t('apply.successTitle') : t('apply.already')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('apply.successBody', { company: job.companyName })}</Typography.Paragraph>
        <Button type="primary" size="large" block shape="round" onClick={closeSheet} data-testid="apply-close">{t(controller.sessionId ? 'apply.close' : 'apply.closeJob')}</Button>
        {hasApplicationsPage ? <Link to="/me/applications" className="apply-done-link">{t('apply.myApplications')}</Link> : null}
      </div>
    );
  } else if (user && user.role !== 'seeker') {
    body = <Alert type="info" showIcon title={t('apply.notSeeker', { role: tCommon(`roles.${user.role}`) })} data-testid="apply-not-seeker" />;
  } else {
    const isSignIn = mode === 'sign-in';
    body = (
      <Form<Values> form={form} layout="vertical" requiredMark={false} size="large" onFinish={handleFinish} className="apply-form">
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {mode === 'profile' ? t('apply.missingProfile') : t('apply.subtitle')}
        </Typography.Paragraph>
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="apply-error" /> : null}
        {isSignIn ? (
          <>
            <Form.Item name="login" label={t('apply.login')} rules={[{ required: true, whitespace: true, message: t('apply.required') }]}>
              <Input autoComplete="username" inputMode="tel" data-testid="apply-login" />
            </Form.Item>
            <Form.Item name="password" label={t('apply.loginPassword')} rules={[{ required: true, message: t('apply.required') }]}>
              <Input.Password autoComplete="current-password" data-testid="apply-password" />
            </Form.Item>
          </>
        ) : (
          <>
            <div className="apply-row">
              <Form.Item name="name" label={t('apply.name')} rules={[{ required: true, whitespace: true, message: t('apply.required') }]}>
                <Input maxLength={30} placeholder={t('apply.namePlaceholder')} autoComplete="name" data-testid="apply-name" />
              </Form.Item>
              <Form.Item name="phone" label={t('apply.phone')} rules={[{ required: true, message: t('apply.phoneInvalid') }, { pattern: PHONE_PATTERN, message: t('apply.phoneInvalid') }]}>
                <Input maxLength={11} inputMode="tel" autoComplete="tel" placeholder={t('apply.phonePlaceholder')} data-testid="apply-phone" />
              </Form.Item>
            </div>
            <Form.Item name="homeCityCode" label={t('apply.city')} rules={[{ required: true, message: t('apply.required') }]}>
              <CitySelect testId="apply-city" allowClear={false} />
            </Form.Item>
            {mode === 'sign-up' ? (
              <Form.Item name="code" label={t('apply.code')} rules={[{ required: true, message: t('apply.codeInvalid') }, { pattern: CODE_PATTERN, message: t('apply.codeInvalid') }]}>
                <PhoneCodeInput getPhone={getPhone} onSendError={setFailure} testIdPrefix="apply" />
              </Form.Item>
            ) : null}
          </>
        )}
        {/* 允许企业查看我的手机号: off unless the seeker ticks it (the company may then see the full number, logged). */}
        <Form.Item name="sharePhone" valuePropName="checked" initialValue={false} style={{ marginBottom: 4 }}>
          <Checkbox data-testid="apply-share-phone">{t('apply.sharePhone')}</Checkbox>
        </Form.Item>
        <Typography.Paragraph type="secondary" className="apply-privacy">{t('apply.privacy')}</Typography.Paragraph>
        <Button type="primary" danger htmlType="submit" size="large" block shape="round" loading={isSubmitting} data-testid="apply-submit">
          {mode === 'sign-up' ? t('apply.signUpAndApply') : isSignIn ? t('apply.signInAndApply') : t('apply.submit')}
        </Button>
        {!user ? (
          <Button type="link" block onClick={() => { setFailure(null); setMode(isSignIn ? 'sign-up' : 'sign-in'); }} data-testid="apply-switch-mode">
            {isSignIn ? t('apply.noAccount') : t('apply.haveAccount')}
          </Button>
        ) : null}
      </Form>
    );
  }

  return (
    <Drawer
      open={isOpen}
      onClose={closeSheet}
      placement="bottom"
      size="auto"
      title={job ? `${t('apply.title')} · ${job.title}` : t('apply.title')}
      className="apply-sheet"
      destroyOnHidden
      data-testid="apply-sheet"
    >
      {body}
    </Drawer>
  );
}
