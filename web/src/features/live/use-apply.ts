// One-tap apply from a live room, a replay, a job page or a job card. A seeker with a quick profile applies
// with a single tap; anyone else gets the apply sheet (sign up with a phone, sign in, or fill in the missing
// profile fields).
import { App } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionJob } from '../../../../contracts/live';
import { ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { getProfile, type Profile } from '../seekers/api';
import { applyToJob, type ApplicationReceipt } from './api';
import { loadAppliedJobIds, markJobApplied, useAppliedJobIds } from './applied-jobs';
import { newIdempotencyKey } from './format';
import { APPLY_NS } from './apply-i18n';

export type QuickProfile = { name: string; phone: string; homeCityCode: string };

/** What applying needs to know about a job (a session's job, or a job page's / card's job). */
export type ApplyJob = Pick<SessionJob, 'jobId' | 'title' | 'companyName' | 'isOpen'>;

export const toApplyJob = (job: { id: string; title: string; companyName: string; status: 'open' | 'closed' }): ApplyJob =>
  ({ jobId: job.id, title: job.title, companyName: job.companyName, isOpen: job.status === 'open' });

export type ApplySheetState = { job: ApplyJob; receipt: ApplicationReceipt | null } | null;

/** sessionId: the live room or replay applied from; null on a job page or a job card (source job_page). */
export function useApply(sessionId: string | null) {
  const { t } = useTranslation(APPLY_NS);
  const { message } = App.useApp();
  const { user, refresh } = useAuth();
  /** undefined: not known yet (or not a seeker); null: a seeker without a quick profile. */
  const [profile, setProfile] = useState<Profile | null | undefined>(undefined);
  const appliedJobIds = useAppliedJobIds();
  const [busyJobId, setBusyJobId] = useState<string | null>(null);
  const [sheet, setSheet] = useState<ApplySheetState>(null);
  // One key per job for this page: a double tap or a retried request is the same application.
  const keys = useRef(new Map<string, string>());
  const userId = user?.id ?? null;

  const loadSeekerState = useCallback(async () => {
    const [{ profile: loaded }] = await Promise.all([getProfile(), userId ? loadAppliedJobIds(userId) : undefined]);
    setProfile(loaded);
    return loaded;
  }, [userId]);

  useEffect(() => {
    setProfile(undefined);
    if (user?.role === 'seeker') loadSeekerState().catch(() => setProfile(undefined));
  }, [user?.id, user?.role, loadSeekerState]);

  /**
   * Sends the application (with the quick profile when the seeker has none yet). sharePhone: the seeker ticked
   * 允许企业查看我的手机号 in the sheet; a one-tap application never shares the number.
   */
  const submit = useCallback(async (job: ApplyJob, quickProfile?: QuickProfile, sharePhone = false): Promise<ApplicationReceipt> => {
    let key = keys.current.get(job.jobId);
    if (!key) {
      key = newIdempotencyKey();
      keys.current.set(job.jobId, key);
    }
    const receipt = await applyToJob({ jobId: job.jobId, sessionId: sessionId ?? undefined, idempotencyKey: key, profile: quickProfile, sharePhone });
    // The user may have signed up or in during the sheet: the store follows whoever is signed in now.
    const signedIn = userId ?? (await refresh().catch(() => null))?.id ?? null;
    if (signedIn) markJobApplied(signedIn, job.jobId);
    // The quick profile now exists: the next 报名 is a single tap.
    if (quickProfile) await loadSeekerState().catch(() => undefined);
    return receipt;
  }, [sessionId, userId, refresh, loadSeekerState]);

  const startApply = useCallback(async (job: ApplyJob) => {
    if (!user || user.role !== 'seeker' || !profile) {
      setSheet({ job, receipt: null });
      return;
    }
    setBusyJobId(job.jobId);
    try {
      const receipt = await submit(job);
      if (receipt.created) message.success({ content: t('success', { company: job.companyName }), key: `apply-${job.jobId}` });
      else message.info({ content: t('already'), key: `apply-${job.jobId}` });
    } catch (error) {
      if (error instanceof ApiError && error.fields.some((field) => field.path.includes('profile'))) {
        setProfile(null);
        setSheet({ job, receipt: null });
      } else if (error instanceof ApiError && error.status === 401) {
        // The session ended (signed out elsewhere, or the account was banned): sign in again in the sheet,
        // which says so when the account is banned.
        await refresh().catch(() => null);
        setSheet({ job, receipt: null });
      } else {
        message.error({ content: pickLanguage((error as Error).message, currentLanguage()), key: `apply-${job.jobId}` });
      }
    } finally {
      setBusyJobId(null);
    }
  }, [message, profile, refresh, submit, t, user]);

  return {
    sessionId,
    profile,
    appliedJobIds,
    busyJobId,
    sheet,
    startApply,
    submit,
    loadSeekerState,
    showReceipt: (job: ApplyJob, receipt: ApplicationReceipt) => setSheet({ job, receipt }),
    closeSheet: () => setSheet(null),
  };
}

export type ApplyController = ReturnType<typeof useApply>;
