import { Alert, Checkbox, Form, Input, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import type { ChangeBody } from './api';
import { chinaToday } from './format';
import { PIPELINE_NS } from './i18n';

export type DialogAction = 'schedule_interview' | 'onboard' | 'reject' | 'record_left';
export const DIALOG_ACTIONS: readonly string[] = ['schedule_interview', 'onboard', 'reject', 'record_left'];

type Values = { interviewAt?: string; place?: string; videoUrl?: string; isPlatformVideo?: boolean; startDate?: string; reason?: string };

const TITLES: Record<DialogAction, string> = { schedule_interview: 'dialog.interviewTitle', onboard: 'dialog.onboardTitle', reject: 'dialog.rejectTitle', record_left: 'dialog.leftTitle' };

function toBody(action: DialogAction, values: Values, applicationId: number | undefined): ChangeBody {
  if (action === 'schedule_interview') {
    // 视频面试（平台内）: the link is the application's own interview room (远程面试).
    const videoUrl = values.isPlatformVideo && applicationId ? `/interviews/${applicationId}` : values.videoUrl?.trim() || null;
    return { action, interviewAt: new Date(values.interviewAt!).toISOString(), place: values.place?.trim() || null, videoUrl };
  }
  if (action === 'onboard') return { action, startDate: values.startDate! };
  return { action, reason: values.reason!.trim() };
}

/** The details a change needs (interview time and place, start date, reason) before it is sent. */
export function ActionDialog({ action, applicationId, onCancel, onSubmit }: { action: DialogAction; applicationId?: number; onCancel: () => void; onSubmit: (body: ChangeBody) => Promise<void> }) {
  const { t } = useTranslation(PIPELINE_NS);
  const [form] = Form.useForm<Values>();
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const isPlatformVideo = Form.useWatch('isPlatformVideo', form) === true;

  const handleOk = async () => {
    const values = await form.validateFields();
    setIsSubmitting(true);
    setProblem(null);
    try {
      await onSubmit(toBody(action, values, applicationId));
    } catch (caught) {
      setProblem(pickLanguage((caught as Error).message, currentLanguage()));
    } finally {
      setIsSubmitting(false);
    }
  };

  return (
    <Modal open title={t(TITLES[action])} onCancel={onCancel} onOk={() => void handleOk()} confirmLoading={isSubmitting} okText={t('dialog.confirm')} okButtonProps={{ 'data-testid': 'action-dialog-ok' } as ButtonProps} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ startDate: chinaToday() }}>
        {action === 'schedule_interview' ? (
          <>
            <Form.Item name="interviewAt" label={t('dialog.interviewAt')} rules={[{ required: true, message: t('dialog.interviewAt') }]}>
              <Input type="datetime-local" data-testid="interview-at" />
            </Form.Item>
            {applicationId ? (
              <Form.Item name="isPlatformVideo" valuePropName="checked" extra={t('dialog.platformVideoHint')}>
                <Checkbox data-testid="interview-platform-video">{t('dialog.platformVideo')}</Checkbox>
              </Form.Item>
            ) : null}
            <Form.Item name="place" label={t('dialog.place')} dependencies={['videoUrl', 'isPlatformVideo']} rules={[({ getFieldValue }) => ({
              validator: (_rule, value?: string) => (value?.trim() || getFieldValue('videoUrl')?.trim() || getFieldValue('isPlatformVideo') ? Promise.resolve() : Promise.reject(new Error(t('dialog.placeOrVideo')))),
            })]}>
              <Input maxLength={200} data-testid="interview-place" />
            </Form.Item>
            {isPlatformVideo ? null : (
              <Form.Item name="videoUrl" label={t('dialog.videoUrl')}>
                <Input placeholder="https://" maxLength={500} data-testid="interview-video" />
              </Form.Item>
            )}
          </>
        ) : null}
        {action === 'onboard' ? (
          <Form.Item name="startDate" label={t('dialog.startDate')} extra={t('dialog.startDateHint')} rules={[{ required: true }]}>
            <Input type="date" max={chinaToday()} data-testid="start-date" />
          </Form.Item>
        ) : null}
        {action === 'reject' || action === 'record_left' ? (
          <Form.Item name="reason" label={t('dialog.reason')} rules={[{ required: true, whitespace: true, message: t('dialog.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} data-testid="change-reason" />
          </Form.Item>
        ) : null}
      </Form>
      {problem ? <Alert type="error" showIcon title={problem} /> : null}
    </Modal>
  );
}
