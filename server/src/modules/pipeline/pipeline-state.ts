/**
 * The recruitment pipeline's state machine: the ONE place that says which change is allowed, by whom,
 * from which status, and what the application looks like afterwards. Pure: no database, no clock
 * (the caller passes `now`), so every allowed and refused transition is unit-tested.
 *
 *   submitted → viewed → contacted → interview → hired → onboarded → stayed_7_days | left_within_7_days
 *   (forward skips up to the interview are allowed; a hire needs a contact first)
 *   rejected (employer, with a reason) and withdrawn (seeker) close an application before onboarding.
 *   Going back is only possible through an explicit undo of the latest change (see decideUndo).
 */

export const APPLICATION_STATUSES = [
  'submitted',
  'viewed',
  'contacted',
  'interview',
  'hired',
  'onboarded',
  'stayed_7_days',
  'left_within_7_days',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const PIPELINE_ACTIONS = [
  'view',
  'contact',
  'schedule_interview',
  'accept_interview',
  'decline_interview',
  'hire',
  'onboard',
  'confirm_stay',
  'record_left',
  'reject',
  'withdraw',
] as const;
export type PipelineActionType = (typeof PIPELINE_ACTIONS)[number];

/** Who acts on an application: the company that owns the job, or the seeker who applied. */
export type PipelineActor = 'employer' | 'seeker';

export type InterviewResponse = 'pending' | 'accepted' | 'declined';

export type PipelineState = {
  status: ApplicationStatus;
  /** ISO timestamp of the hire; null unless the application is hired or later (analytics count it). */
  hiredAt: string | null;
  interviewAt: string | null;
  interviewPlace: string | null;
  interviewVideoUrl: string | null;
  interviewResponse: InterviewResponse | null;
  /** 'YYYY-MM-DD', set by onboarding. */
  startDate: string | null;
  /** Why it was rejected, withdrawn, or why the hire left. */
  closingReason: string | null;
  /** 'YYYY-MM-DD' (China time) the application was sent: a start date cannot be earlier. */
  appliedOn: string;
};

export type PipelineAction =
  | { type: 'view' }
  | { type: 'contact' }
  | { type: 'schedule_interview'; interviewAt: string; place?: string | null; videoUrl?: string | null }
  | { type: 'accept_interview' }
  | { type: 'decline_interview'; reason?: string | null }
  | { type: 'hire' }
  | { type: 'onboard'; startDate: string }
  | { type: 'confirm_stay' }
  | { type: 'record_left'; reason: string }
  | { type: 'reject'; reason: string }
  | { type: 'withdraw'; reason?: string | null };

type Rule = { actor: PipelineActor; from: readonly ApplicationStatus[]; to: ApplicationStatus | 'unchanged' };

/** Who may take each action, from which statuses, to which status. */
export const TRANSITION_RULES: Record<PipelineActionType, Rule> = {
  view: { actor: 'employer', from: ['submitted'], to: 'viewed' },
  contact: { actor: 'employer', from: ['submitted', 'viewed'], to: 'contacted' },
  // From `interview` it reschedules (the seeker is asked again).
  schedule_interview: { actor: 'employer', from: ['submitted', 'viewed', 'contacted', 'interview'], to: 'interview' },
  accept_interview: { actor: 'seeker', from: ['interview'], to: 'unchanged' },
  decline_interview: { actor: 'seeker', from: ['interview'], to: 'unchanged' },
  hire: { actor: 'employer', from: ['contacted', 'interview'], to: 'hired' },
  onboard: { actor: 'employer', from: ['hired'], to: 'onboarded' },
  confirm_stay: { actor: 'employer', from: ['onboarded'], to: 'stayed_7_days' },
  record_left: { actor: 'employer', from: ['onboarded'], to: 'left_within_7_days' },
  // From `hired`: the hire never started (no-show, offer withdrawn).
  reject: { actor: 'employer', from: ['submitted', 'viewed', 'contacted', 'interview', 'hired'], to: 'rejected' },
  // From `hired`: the seeker turns the job down before starting.
  withdraw: { actor: 'seeker', from: ['submitted', 'viewed', 'contacted', 'interview', 'hired'], to: 'withdrawn' },
};

export const TERMINAL_STATUSES: readonly ApplicationStatus[] = ['stayed_7_days', 'left_within_7_days', 'rejected', 'withdrawn'];
/** A hire stays counted (hired_at set) in these statuses. */
export const HIRED_STATUSES: readonly ApplicationStatus[] = ['hired', 'onboarded', 'stayed_7_days', 'left_within_7_days'];

export const SEVEN_DAY_CHECK_DAYS = 7;
/** The business calendar is China's (UTC+8, no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const MAX_REASON_LENGTH = 500;

export type TransitionRefusal = {
  ok: false;
  /** not_allowed: wrong status; wrong_actor: the other side's action; invalid: bad details (names a field). */
  code: 'not_allowed' | 'wrong_actor' | 'invalid';
  message: string;
  field?: string;
};
export type TransitionResult = { ok: true; from: ApplicationStatus; to: ApplicationStatus; state: PipelineState } | TransitionRefusal;

export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** The day the 7-day check comes due for a hire who started on `startDate`. */
export function sevenDayCheckDueOn(startDate: string): string {
  return addDays(startDate, SEVEN_DAY_CHECK_DAYS);
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

const refuse = (code: TransitionRefusal['code'], message: string, field?: string): TransitionRefusal => ({ ok: false, code, message, ...(field ? { field } : {}) });

function checkReason(reason: string | null | undefined, isRequired: boolean, field = 'reason'): TransitionRefusal | null {
  const trimmed = reason?.trim() ?? '';
  if (isRequired && !trimmed) return refuse('invalid', 'a reason is required / 请填写原因', field);
  if (trimmed.length > MAX_REASON_LENGTH) return refuse('invalid', `at most ${MAX_REASON_LENGTH} characters`, field);
  return null;
}

/** The status an action leads to from `status` (null when the action is not allowed from it). */
export function targetStatus(action: PipelineActionType, status: ApplicationStatus): ApplicationStatus | null {
  const rule = TRANSITION_RULES[action];
  if (!rule.from.includes(status)) return null;
  return rule.to === 'unchanged' ? status : rule.to;
}

/** Actions an actor could take now (for "what happens next" and for the console's buttons). */
export function availableActions(state: PipelineState, actor: PipelineActor): PipelineActionType[] {
  return PIPELINE_ACTIONS.filter((action) => {
    const rule = TRANSITION_RULES[action];
    if (rule.actor !== actor || !rule.from.includes(state.status)) return false;
    if (action === 'accept_interview' || action === 'decline_interview') return state.interviewResponse === 'pending';
    if (action === 'hire' && state.status === 'interview') return state.interviewResponse !== 'declined';
    return true;
  });
}

/** Decides one transition. Never throws: a refusal says why, in words a person can act on. */
export function applyTransition(state: PipelineState, action: PipelineAction, actor: PipelineActor, now: Date): TransitionResult {
  const rule = TRANSITION_RULES[action.type];
  if (rule.actor !== actor) {
    return refuse('wrong_actor', actor === 'seeker' ? `Only the employer can ${action.type} / 该操作由企业完成` : `Only the seeker can ${action.type} / 该操作由求职者本人完成`);
  }
  const to = targetStatus(action.type, state.status);
  if (!to) {
    return refuse('not_allowed', `Cannot ${action.type} an application that is ${state.status} (allowed from: ${rule.from.join(', ')}) / 当前状态不允许此操作`);
  }
  const next: PipelineState = { ...state, status: to };
  const today = chinaDate(now);

  switch (action.type) {
    case 'view':
    case 'contact':
      break;
    case 'schedule_interview': {
      const at = Date.parse(action.interviewAt);
      if (Number.isNaN(at)) return refuse('invalid', 'must be a date and time', 'interviewAt');
      if (at <= now.getTime()) return refuse('invalid', 'must be in the future / 面试时间须晚于现在', 'interviewAt');
      const place = action.place?.trim() || null;
      const videoUrl = action.videoUrl?.trim() || null;
      if (!place && !videoUrl) return refuse('invalid', 'a place or a video link is required / 请填写面试地点或视频链接', 'place');
      if (place && place.length > 200) return refuse('invalid', 'at most 200 characters', 'place');
      // An outside meeting link, or the platform's own interview room (远程面试: /interviews/<applicationId>).
      if (videoUrl && !/^https?:\/\/\S+$/.test(videoUrl) && !/^\/interviews\/\d{1,15}$/.test(videoUrl)) return refuse('invalid', 'must be an http(s) link or the platform\'s interview room', 'videoUrl');
      Object.assign(next, { interviewAt: new Date(at).toISOString(), interviewPlace: place, interviewVideoUrl: videoUrl, interviewResponse: 'pending' });
      break;
    }
    case 'accept_interview':
    case 'decline_interview': {
      if (state.interviewResponse !== 'pending') {
        return refuse('not_allowed', `You already ${state.interviewResponse} this interview / 已答复过该面试邀请`);
      }
      if (state.interviewAt && Date.parse(state.interviewAt) <= now.getTime()) {
        return refuse('not_allowed', 'The interview time has passed; ask the employer for a new time / 面试时间已过');
      }
      if (action.type === 'decline_interview') {
        const problem = checkReason(action.reason, false);
        if (problem) return problem;
      }
      next.interviewResponse = action.type === 'accept_interview' ? 'accepted' : 'declined';
      break;
    }
    case 'hire':
      if (state.status === 'interview' && state.interviewResponse === 'declined') {
        return refuse('not_allowed', 'The seeker declined the interview; schedule a new one first / 求职者已拒绝面试');
      }
      next.hiredAt = now.toISOString();
      break;
    case 'onboard': {
      if (!isDate(action.startDate)) return refuse('invalid', 'must be a date YYYY-MM-DD', 'startDate');
      if (action.startDate > today) return refuse('invalid', 'cannot be in the future: record onboarding once the hire has started / 入职日期不能晚于今天', 'startDate');
      if (action.startDate < state.appliedOn) return refuse('invalid', 'cannot be before the application was sent / 入职日期不能早于报名日期', 'startDate');
      next.startDate = action.startDate;
      break;
    }
    case 'confirm_stay': {
      const dueOn = sevenDayCheckDueOn(state.startDate ?? today);
      if (today < dueOn) return refuse('not_allowed', `The 7-day check is due on ${dueOn} / 入职满7天后才能确认留存`);
      break;
    }
    case 'record_left':
    case 'reject': {
      const problem = checkReason(action.reason, true);
      if (problem) return problem;
      next.closingReason = action.reason.trim();
      break;
    }
    case 'withdraw': {
      const problem = checkReason(action.reason, false);
      if (problem) return problem;
      next.closingReason = action.reason?.trim() || null;
      break;
    }
  }
  if (!HIRED_STATUSES.includes(next.status)) next.hiredAt = null;
  return { ok: true, from: state.status, to, state: next };
}

export type UndoCandidate = { id: number; action: PipelineActionType; actorRole: string; fromStatus: ApplicationStatus; toStatus: ApplicationStatus };
export type UndoResult = { ok: true; eventId: number } | TransitionRefusal;

/**
 * Undo reverts the latest effective change (repeat it to go further back). Only the employer undoes, and
 * only its own changes: a seeker's withdrawal or answer to an invitation is theirs to keep.
 */
export function decideUndo(latest: UndoCandidate | null, actor: PipelineActor): UndoResult {
  if (actor !== 'employer') return refuse('wrong_actor', 'Only the employer can undo a change / 仅企业可撤销');
  if (!latest) return refuse('not_allowed', 'There is nothing to undo / 没有可撤销的操作');
  if (latest.actorRole !== 'employer') {
    return refuse('not_allowed', `The latest change (${latest.action}) was made by the seeker and cannot be undone / 最近一次变更由求职者作出，不能撤销`);
  }
  return { ok: true, eventId: latest.id };
}

export type NextStep = { code: string; zh: string; en: string };

/** What happens next, for the seeker's "my applications". */
export function nextStepForSeeker(state: PipelineState): NextStep {
  switch (state.status) {
    case 'submitted':
      return { code: 'await_review', zh: '等待企业查看', en: 'Waiting for the employer to look at it' };
    case 'viewed':
      return { code: 'await_contact', zh: '企业已查看，等待联系', en: 'The employer has seen it; they will contact you' };
    case 'contacted':
      return { code: 'await_interview', zh: '企业已联系你，留意面试邀请', en: 'The employer contacted you; watch for an interview invitation' };
    case 'interview':
      if (state.interviewResponse === 'pending') return { code: 'answer_interview', zh: '请确认是否参加面试', en: 'Accept or decline the interview invitation' };
      if (state.interviewResponse === 'declined') return { code: 'interview_declined', zh: '你已拒绝面试，企业可能重新约时间', en: 'You declined; the employer may propose a new time' };
      return { code: 'attend_interview', zh: '按时参加面试', en: 'Attend the interview' };
    case 'hired':
      return { code: 'await_start', zh: '已录用，等待入职', en: 'Hired: wait for your start date' };
    case 'onboarded':
      return { code: 'first_week', zh: '已入职，祝工作顺利', en: 'Onboarded: good luck in your first week' };
    case 'stayed_7_days':
      return { code: 'done', zh: '已入职满7天', en: 'You have stayed 7 days' };
    case 'left_within_7_days':
      return { code: 'done', zh: '已离职', en: 'You left this job' };
    case 'rejected':
      return { code: 'closed', zh: '未通过，看看其他岗位', en: 'Not selected; look at other jobs' };
    case 'withdrawn':
      return { code: 'closed', zh: '你已撤回报名', en: 'You withdrew this application' };
  }
}

/** A fresh application's state. */
export function initialState(appliedOn: string): PipelineState {
  return {
    status: 'submitted',
    hiredAt: null,
    interviewAt: null,
    interviewPlace: null,
    interviewVideoUrl: null,
    interviewResponse: null,
    startDate: null,
    closingReason: null,
    appliedOn,
  };
}
