// One-tap apply from a live room or replay. A seeker with a quick profile applies with a single tap; anyone
// else gets the apply sheet (sign up with a phone, sign in, or fill in the missing profile fields).
import { App } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionJob } from '../../../../contracts/live';
import { ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { getProfile, type Profile } from '../seekers/api';
import { applyToJob, listMyAppliedJobIds, type ApplicationReceipt } from './api';
import { newIdempotencyKey } from './format';
import { LIVE_NS } from './i18n';

export type QuickProfile = { name: string; phone: string; homeCityCode: string };

export type ApplySheetState = { job: SessionJob; receipt: ApplicationReceipt | null } | null;

export function useApply(sessionId: string) {
  const { t } = useTranslation(LIVE_NS);
  const { message } = App.useApp();
  const { user } = useAuth();
  /** undefined: not known yet (or not a seeker); null: a seeker without a quick profile. */
  const [profile, setProfile] = useState<Profile | null | undefined>(undefined);
  const [appliedJobIds, setAppliedJobIds] = useState<ReadonlySet<string>>(new Set());
  const [busyJobId, setBusyJobId] = useState<string | null>(null);
  const [sheet, setSheet] = useState<ApplySheetState>(null);
  // One key per job for this page: a double tap or a retried request is the same application.
  const keys = useRef(new Map<string, string>());

  const loadSeekerState = useCallback(async () => {
    const [{ profile: loaded }, jobIds] = await Promise.all([getProfile(), listMyAppliedJobIds().catch(() => [])]);
    setProfile(loaded);
    setAppliedJobIds((previous) => new Set([...previous, ...jobIds]));
    return loaded;
  }, []);

  useEffect(() => {
    setProfile(undefined);
    if (user?.role === 'seeker') loadSeekerState().catch(() => setProfile(undefined));
  }, [user?.id, user?.role, loadSeekerState]);

  /** Sends the application (with the quick profile when the seeker has none yet). */
  const submit = useCallback(async (job: SessionJob, quickProfile?: QuickProfile): Promise<ApplicationReceipt> => {
    let key = keys.current.get(job.jobId);
    if (!key) {
      key = newIdempotencyKey();
      keys.current.set(job.jobId, key);
    }
    const receipt = await applyToJob({ jobId: job.jobId, sessionId, idempotencyKey: key, profile: quickProfile });
    setAppliedJobIds((previous) => new Set([...previous, job.jobId]));
    // The quick profile now exists: the next 报名 is a single tap.
    if (quickProfile) await loadSeekerState().catch(() => undefined);
    return receipt;
  }, [sessionId, loadSeekerState]);

  const startApply = useCallback(async (job: SessionJob) => {
    if (!user || user.role !== 'seeker' || !profile) {
      setSheet({ job, receipt: null });
      return;
    }
    setBusyJobId(job.jobId);
    try {
      const receipt = await submit(job);
      if (receipt.created) message.success({ content: t('apply.successBody', { company: job.companyName }), key: `apply-${job.jobId}` });
      else message.info({ content: t('apply.already'), key: `apply-${job.jobId}` });
    } catch (error) {
      if (error instanceof ApiError && error.fields.some((field) => field.path.includes('profile'))) {
        setProfile(null);
        setSheet({ job, receipt: null });
      } else {
        message.error(pickLanguage((error as Error).message, currentLanguage()));
      }
    } finally {
      setBusyJobId(null);
    }
  }, [message, profile, submit, t, user]);

  return {
    profile,
    appliedJobIds,
    busyJobId,
    sheet,
    startApply,
    submit,
    loadSeekerState,
    showReceipt: (job: SessionJob, receipt: ApplicationReceipt) => setSheet({ job, receipt }),
    closeSheet: () => setSheet(null),
  };
}

export type ApplyController = ReturnType<typeof useApply>;
