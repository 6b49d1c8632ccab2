import { Alert, App, Button, Card, Divider, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { useApi } from '../../app/use-api';
import { CatalogueSelect } from '../../components/catalogue-select';
import { CitySelect } from '../../components/city-select';
import { PageError, PageLoading } from '../../components/page-states';
import { applyServerErrors } from '../../components/server-form-errors';
import { WECHAT_ID_PATTERN } from '../../../../contracts/wechat';
import { getProfile, saveProfile, type Profile } from './api';
import { SEEKERS_NS } from './i18n';

type Values = { name: string; phone: string; homeCityCode?: string; currentCityCode?: string; desiredCategories: string[]; experience?: string; skills?: string; wechatId?: string };
const FIELD_NAMES = ['name', 'phone', 'homeCityCode', 'currentCityCode', 'desiredCategories', 'experience', 'skills', 'wechatId'] as const;

function toValues(profile: Profile | null, fallback: { name: string; phone: string }): Values {
  if (!profile) return { name: fallback.name, phone: fallback.phone, desiredCategories: [] };
  return {
    name: profile.name,
    phone: profile.phone,
    homeCityCode: profile.homeCityCode,
    currentCityCode: profile.currentCityCode ?? undefined,
    desiredCategories: profile.desiredCategories,
    experience: profile.experience ?? undefined,
    skills: profile.skills ?? undefined,
    wechatId: profile.wechatId ?? undefined,
  };
}

/** The seeker's quick profile (快速简历): the few fields an application needs, the rest optional. */
export default function ProfilePage() {
  const { t } = useTranslation(SEEKERS_NS);
  const { user } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { data, error, isLoading, reload } = useApi(getProfile, 'profile');
  const [failure, setFailure] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);

  useEffect(() => {
    if (!data) return;
    form.setFieldsValue(toValues(data.profile, { name: user?.displayName ?? '', phone: user?.phone ?? '' }));
    setSavedAt(data.profile?.updatedAt ?? null);
  }, [data, form, user]);

  if (isLoading && !data) return <PageLoading />;
  if (error) return <PageError error={error} onRetry={reload} />;

  const handleFinish = async (values: Values) => {
    setIsSaving(true);
    setFailure(null);
    try {
      const saved = await saveProfile({
        name: values.name.trim(),
        phone: values.phone.trim(),
        homeCityCode: values.homeCityCode ?? '',
        currentCityCode: values.currentCityCode ?? null,
        desiredCategories: values.desiredCategories ?? [],
        experience: values.experience?.trim() || null,
        skills: values.skills?.trim() || null,
        wechatId: values.wechatId?.trim() || null,
      });
      setSavedAt(saved.updatedAt);
      message.success(t('profile.saved'));
    } catch (caught) {
      setFailure(applyServerErrors(form, caught, FIELD_NAMES));
    } finally {
      setIsSaving(false);
    }
  };

  const required = { required: true, message: t('profile.required') };
  return (
    <Card title={t('profile.title')} style={{ maxWidth: 640, margin: '0 auto' }}>
      <Typography.Paragraph type="secondary">{t('profile.intro')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={handleFinish} size="large" data-testid="profile-form">
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="name" label={t('profile.name')} rules={[{ ...required, whitespace: true }]}>
          <Input maxLength={30} data-testid="profile-name" />
        </Form.Item>
        <Form.Item name="phone" label={t('profile.phone')} extra={t('profile.phoneHint')} rules={[required, { pattern: /^1[3-9]\d{9}$/, message: t('profile.phoneInvalid') }]}>
          <Input inputMode="tel" maxLength={11} data-testid="profile-phone" />
        </Form.Item>
        <Form.Item name="homeCityCode" label={t('profile.homeCity')} rules={[required]}>
          <CitySelect testId="profile-home-city" />
        </Form.Item>
        <Form.Item name="currentCityCode" label={t('profile.currentCity')}>
          <CitySelect testId="profile-current-city" />
        </Form.Item>
        <Form.Item name="desiredCategories" label={t('profile.desiredCategories')} extra={t('profile.desiredCategoriesHint')}>
          <CatalogueSelect catalogue="categories" isMultiple testId="profile-categories" />
        </Form.Item>
        <Divider plain titlePlacement="start">{t('profile.optional')}</Divider>
        <Form.Item name="experience" label={t('profile.experience')}>
          <Input.TextArea rows={3} maxLength={3000} placeholder={t('profile.experiencePlaceholder')} />
        </Form.Item>
        <Form.Item name="skills" label={t('profile.skills')}>
          <Input.TextArea rows={2} maxLength={1000} placeholder={t('profile.skillsPlaceholder')} />
        </Form.Item>
        <Form.Item name="wechatId" label={t('profile.wechatId')} extra={t('profile.wechatIdHint')} rules={[{ pattern: WECHAT_ID_PATTERN, message: t('profile.wechatIdInvalid') }]}>
          <Input maxLength={20} autoComplete="off" data-testid="profile-wechat" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={isSaving} data-testid="profile-save">{t('profile.save')}</Button>
        {savedAt ? <Typography.Paragraph type="secondary" style={{ marginTop: 8, textAlign: 'center' }}>{t('profile.lastSaved', { time: new Date(savedAt).toLocaleString() })}</Typography.Paragraph> : null}
      </Form>
    </Card>
  );
}
