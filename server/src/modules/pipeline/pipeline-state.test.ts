import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  PIPELINE_ACTIONS,
  applyTransition,
  availableActions,
  chinaDate,
  decideUndo,
  initialState,
  nextStepForSeeker,
  sevenDayCheckDueOn,
  type ApplicationStatus,
  type PipelineAction,
  type PipelineActionType,
  type PipelineActor,
  type PipelineState,
} from './pipeline-state.js';

// 2026-03-10 10:00 in China.
const NOW = new Date('2026-03-10T02:00:00Z');

// Written out by hand from the issue, independently of TRANSITION_RULES: [action, actor, from, to].
const ALLOWED: Array<[PipelineActionType, PipelineActor, ApplicationStatus, ApplicationStatus]> = [
  ['view', 'employer', 'submitted', 'viewed'],
  ['contact', 'employer', 'submitted', 'contacted'],
  ['contact', 'employer', 'viewed', 'contacted'],
  ['schedule_interview', 'employer', 'submitted', 'interview'],
  ['schedule_interview', 'employer', 'viewed', 'interview'],
  ['schedule_interview', 'employer', 'contacted', 'interview'],
  ['schedule_interview', 'employer', 'interview', 'interview'],
  ['accept_interview', 'seeker', 'interview', 'interview'],
  ['decline_interview', 'seeker', 'interview', 'interview'],
  ['hire', 'employer', 'contacted', 'hired'],
  ['hire', 'employer', 'interview', 'hired'],
  ['onboard', 'employer', 'hired', 'onboarded'],
  ['confirm_stay', 'employer', 'onboarded', 'stayed_7_days'],
  ['record_left', 'employer', 'onboarded', 'left_within_7_days'],
  ['reject', 'employer', 'submitted', 'rejected'],
  ['reject', 'employer', 'viewed', 'rejected'],
  ['reject', 'employer', 'contacted', 'rejected'],
  ['reject', 'employer', 'interview', 'rejected'],
  ['reject', 'employer', 'hired', 'rejected'],
  ['withdraw', 'seeker', 'submitted', 'withdrawn'],
  ['withdraw', 'seeker', 'viewed', 'withdrawn'],
  ['withdraw', 'seeker', 'contacted', 'withdrawn'],
  ['withdraw', 'seeker', 'interview', 'withdrawn'],
  ['withdraw', 'seeker', 'hired', 'withdrawn'],
];

/** A valid action of each type (details that pass validation at NOW). */
function validAction(type: PipelineActionType): PipelineAction {
  switch (type) {
    case 'schedule_interview':
      return { type, interviewAt: '2026-03-12T06:00:00Z', place: '苏州工业园区星湖街 328 号' };
    case 'onboard':
      return { type, startDate: '2026-03-01' };
    case 'record_left':
      return { type, reason: '嫌夜班太多' };
    case 'reject':
      return { type, reason: '岗位已招满' };
    case 'decline_interview':
      return { type, reason: '时间冲突' };
    case 'withdraw':
      return { type, reason: null };
    default:
      return { type } as PipelineAction;
  }
}

/** A state at `status` that satisfies each action's extra preconditions when they can be satisfied. */
function stateAt(status: ApplicationStatus, overrides: Partial<PipelineState> = {}): PipelineState {
  const isInterview = status === 'interview';
  const isHired = ['hired', 'onboarded', 'stayed_7_days', 'left_within_7_days'].includes(status);
  return {
    ...initialState('2026-02-20'),
    status,
    hiredAt: isHired ? '2026-02-25T02:00:00.000Z' : null,
    interviewAt: isInterview ? '2026-03-11T06:00:00.000Z' : null,
    interviewPlace: isInterview ? '厂区人事部' : null,
    interviewResponse: isInterview ? 'pending' : null,
    // Onboarded 9 days ago: the 7-day check is due.
    startDate: ['onboarded', 'stayed_7_days', 'left_within_7_days'].includes(status) ? '2026-03-01' : null,
    ...overrides,
  };
}

describe('pipeline state machine: every (status, action, actor) combination', () => {
  const actors: PipelineActor[] = ['employer', 'seeker'];
  const cases = APPLICATION_STATUSES.flatMap((status) => PIPELINE_ACTIONS.flatMap((action) => actors.map((actor) => ({ status, action, actor }))));

  it('covers 10 statuses × 11 actions × 2 actors', () => {
    expect(cases).toHaveLength(220);
    expect(ALLOWED).toHaveLength(24);
  });

  it.each(cases)('$actor $action from $status', ({ status, action, actor }) => {
    const expected = ALLOWED.find(([allowedAction, allowedActor, from]) => allowedAction === action && allowedActor === actor && from === status);
    const result = applyTransition(stateAt(status), validAction(action), actor, NOW);
    if (expected) {
      expect(result).toMatchObject({ ok: true, from: status, to: expected[3] });
      if (result.ok) expect(result.state.status).toBe(expected[3]);
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        const isOtherSidesAction = ALLOWED.some(([allowedAction, allowedActor]) => allowedAction === action && allowedActor !== actor);
        expect(result.code).toBe(isOtherSidesAction ? 'wrong_actor' : 'not_allowed');
      }
    }
  });
});

describe('pipeline state machine: details and extra rules', () => {
  it('has no way back: no allowed transition leads to an earlier stage of the main line', () => {
    const order: ApplicationStatus[] = ['submitted', 'viewed', 'contacted', 'interview', 'hired', 'onboarded'];
    for (const [, , from, to] of ALLOWED) {
      if (order.includes(from) && order.includes(to)) expect(order.indexOf(to)).toBeGreaterThanOrEqual(order.indexOf(from));
    }
  });

  it('never onboards without a hire', () => {
    for (const status of APPLICATION_STATUSES.filter((item) => item !== 'hired')) {
      expect(applyTransition(stateAt(status), { type: 'onboard', startDate: '2026-03-01' }, 'employer', NOW).ok).toBe(false);
    }
  });

  it('records the interview and asks the seeker again when rescheduling', () => {
    const scheduled = applyTransition(stateAt('contacted'), { type: 'schedule_interview', interviewAt: '2026-03-12T06:00:00Z', videoUrl: 'https://meeting.example/abc' }, 'employer', NOW);
    expect(scheduled).toMatchObject({ ok: true, state: { interviewAt: '2026-03-12T06:00:00.000Z', interviewPlace: null, interviewVideoUrl: 'https://meeting.example/abc', interviewResponse: 'pending' } });
    const declined = applyTransition(stateAt('interview'), { type: 'decline_interview' }, 'seeker', NOW);
    expect(declined).toMatchObject({ ok: true, state: { interviewResponse: 'declined' } });
    if (!declined.ok) return;
    const rescheduled = applyTransition(declined.state, { type: 'schedule_interview', interviewAt: '2026-03-13T06:00:00Z', place: '厂区' }, 'employer', NOW);
    expect(rescheduled).toMatchObject({ ok: true, to: 'interview', state: { interviewResponse: 'pending', interviewPlace: '厂区' } });
  });

  it.each([
    [{ interviewAt: 'tomorrow', place: 'x' }, 'interviewAt'],
    [{ interviewAt: '2026-03-09T06:00:00Z', place: 'x' }, 'interviewAt'],
    [{ interviewAt: '2026-03-12T06:00:00Z' }, 'place'],
    [{ interviewAt: '2026-03-12T06:00:00Z', place: '  ', videoUrl: '' }, 'place'],
    [{ interviewAt: '2026-03-12T06:00:00Z', videoUrl: 'javascript:alert(1)' }, 'videoUrl'],
  ])('refuses an interview with bad details %j (field %s)', (details, field) => {
    const result = applyTransition(stateAt('contacted'), { type: 'schedule_interview', ...details } as PipelineAction, 'employer', NOW);
    expect(result).toMatchObject({ ok: false, code: 'invalid', field });
  });

  it('lets the seeker answer an invitation once, and not after the interview time', () => {
    const accepted = stateAt('interview', { interviewResponse: 'accepted' });
    expect(applyTransition(accepted, { type: 'decline_interview' }, 'seeker', NOW)).toMatchObject({ ok: false, code: 'not_allowed' });
    const past = stateAt('interview', { interviewAt: '2026-03-09T06:00:00.000Z' });
    expect(applyTransition(past, { type: 'accept_interview' }, 'seeker', NOW)).toMatchObject({ ok: false, code: 'not_allowed' });
  });

  it('does not hire after a declined interview, but does after an accepted or unanswered one', () => {
    expect(applyTransition(stateAt('interview', { interviewResponse: 'declined' }), { type: 'hire' }, 'employer', NOW)).toMatchObject({ ok: false, code: 'not_allowed' });
    expect(applyTransition(stateAt('interview', { interviewResponse: 'accepted' }), { type: 'hire' }, 'employer', NOW)).toMatchObject({ ok: true, state: { hiredAt: NOW.toISOString() } });
  });

  it('keeps hiredAt only while the application is hired or later', () => {
    const hired = stateAt('hired');
    expect(applyTransition(hired, { type: 'onboard', startDate: '2026-03-01' }, 'employer', NOW)).toMatchObject({ ok: true, state: { hiredAt: hired.hiredAt } });
    expect(applyTransition(hired, { type: 'withdraw' }, 'seeker', NOW)).toMatchObject({ ok: true, state: { hiredAt: null } });
    expect(applyTransition(hired, { type: 'reject', reason: '未报到' }, 'employer', NOW)).toMatchObject({ ok: true, state: { hiredAt: null, closingReason: '未报到' } });
  });

  it.each([
    ['2026-3-1', 'startDate'],
    ['2026-02-30', 'startDate'],
    ['2026-03-11', 'startDate'],
    ['2026-02-19', 'startDate'],
  ])('refuses onboarding with start date %s', (startDate, field) => {
    expect(applyTransition(stateAt('hired'), { type: 'onboard', startDate }, 'employer', NOW)).toMatchObject({ ok: false, code: 'invalid', field });
  });

  it('onboards on the application day and on today (China date)', () => {
    expect(applyTransition(stateAt('hired'), { type: 'onboard', startDate: '2026-02-20' }, 'employer', NOW).ok).toBe(true);
    // 2026-03-10T20:00Z is already 03-11 in China.
    expect(applyTransition(stateAt('hired'), { type: 'onboard', startDate: '2026-03-11' }, 'employer', new Date('2026-03-10T20:00:00Z')).ok).toBe(true);
  });

  it('confirms a 7-day stay only from day 7 after the start date', () => {
    const onboarded = stateAt('onboarded', { startDate: '2026-03-04' });
    expect(sevenDayCheckDueOn('2026-03-04')).toBe('2026-03-11');
    expect(applyTransition(onboarded, { type: 'confirm_stay' }, 'employer', NOW)).toMatchObject({ ok: false, code: 'not_allowed' });
    expect(applyTransition(onboarded, { type: 'confirm_stay' }, 'employer', new Date('2026-03-10T16:00:00Z')).ok).toBe(true);
    // Leaving can be recorded at any time after onboarding.
    expect(applyTransition(onboarded, { type: 'record_left', reason: '家里有事' }, 'employer', NOW).ok).toBe(true);
  });

  it.each([
    ['reject', ''],
    ['reject', '   '],
    ['record_left', ''],
    ['reject', 'x'.repeat(501)],
  ] as const)('requires a reason for %s (%j)', (type, reason) => {
    const status = type === 'reject' ? 'viewed' : 'onboarded';
    expect(applyTransition(stateAt(status), { type, reason }, 'employer', NOW)).toMatchObject({ ok: false, code: 'invalid', field: 'reason' });
  });

  it('offers each side only what it may do now', () => {
    expect(availableActions(stateAt('submitted'), 'employer')).toEqual(['view', 'contact', 'schedule_interview', 'reject']);
    expect(availableActions(stateAt('interview'), 'seeker')).toEqual(['accept_interview', 'decline_interview', 'withdraw']);
    expect(availableActions(stateAt('interview', { interviewResponse: 'declined' }), 'employer')).toEqual(['schedule_interview', 'reject']);
    expect(availableActions(stateAt('rejected'), 'employer')).toEqual([]);
    expect(availableActions(stateAt('onboarded'), 'seeker')).toEqual([]);
  });

  it('tells the seeker what happens next for every status', () => {
    for (const status of APPLICATION_STATUSES) {
      const step = nextStepForSeeker(stateAt(status));
      expect(step.zh.length).toBeGreaterThan(0);
      expect(step.en.length).toBeGreaterThan(0);
    }
    expect(nextStepForSeeker(stateAt('interview')).code).toBe('answer_interview');
  });

  it('uses the China calendar', () => {
    expect(chinaDate(new Date('2026-03-10T15:59:59Z'))).toBe('2026-03-10');
    expect(chinaDate(new Date('2026-03-10T16:00:00Z'))).toBe('2026-03-11');
  });
});

describe('undo', () => {
  const event = (actorRole: string, action: PipelineActionType = 'hire') => ({ id: 7, action, actorRole, fromStatus: 'interview' as const, toStatus: 'hired' as const });

  it('reverts the employer’s latest change', () => {
    expect(decideUndo(event('employer'), 'employer')).toEqual({ ok: true, eventId: 7 });
  });

  it('refuses when there is nothing to undo, for the seeker, and for the seeker’s own changes', () => {
    expect(decideUndo(null, 'employer')).toMatchObject({ ok: false, code: 'not_allowed' });
    expect(decideUndo(event('employer'), 'seeker')).toMatchObject({ ok: false, code: 'wrong_actor' });
    expect(decideUndo(event('seeker', 'withdraw'), 'employer')).toMatchObject({ ok: false, code: 'not_allowed' });
    expect(decideUndo(event('seeker', 'accept_interview'), 'employer')).toMatchObject({ ok: false, code: 'not_allowed' });
  });
});
