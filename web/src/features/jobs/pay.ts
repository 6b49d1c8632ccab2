import type { Language } from '../../app/server-errors';

type Pay = { payMonthlyMin: number | null; payMonthlyMax: number | null; payHourly: number | null };

function yuan(amount: number, language: Language): string {
  const rounded = Math.round(amount * 100) / 100;
  return language === 'en' ? rounded.toLocaleString('en-US') : String(rounded);
}

/** 月薪: "5500-7500元/月", "5500元/月起"; English "¥5,500–7,500/month", "from ¥5,500/month". */
export function formatMonthlyPay(pay: Pay, language: Language): string | null {
  const { payMonthlyMin: min, payMonthlyMax: max } = pay;
  if (min === null) return null;
  const hasRange = max !== null && max !== min;
  if (language === 'en') {
    if (hasRange) return `¥${yuan(min, language)}–${yuan(max, language)}/month`;
    return max === min ? `¥${yuan(min, language)}/month` : `from ¥${yuan(min, language)}/month`;
  }
  if (hasRange) return `${yuan(min, language)}-${yuan(max, language)}元/月`;
  return max === min ? `${yuan(min, language)}元/月` : `${yuan(min, language)}元/月起`;
}

/** 工价: "22元/小时" or "¥22.5/hour". */
export function formatHourlyPay(pay: Pay, language: Language): string | null {
  if (pay.payHourly === null) return null;
  return language === 'en' ? `¥${yuan(pay.payHourly, language)}/hour` : `${yuan(pay.payHourly, language)}元/小时`;
}

/** The headline pay: monthly when given, else the hourly wage; the other one as a secondary line. */
export function formatPay(pay: Pay, language: Language): { headline: string; secondary: string | null } {
  const monthly = formatMonthlyPay(pay, language);
  const hourly = formatHourlyPay(pay, language);
  if (monthly) return { headline: monthly, secondary: hourly };
  if (hourly) return { headline: hourly, secondary: null };
  return { headline: language === 'en' ? 'Pay negotiable' : '薪资面议', secondary: null };
}

export type WelfareTag = 'board_and_lodging' | 'dormitory' | 'couple_room' | 'free_meals' | 'meal_allowance' | 'daily_pay';

/** The short tags seekers scan for: 包吃住, 包住, 夫妻房, 包吃, 餐补, 日结. */
export function welfareTags(job: { housing: string; meals: string; isDailyPay: boolean }): WelfareTag[] {
  const tags: WelfareTag[] = [];
  if (job.housing === 'dormitory' && job.meals === 'free') tags.push('board_and_lodging');
  else {
    if (job.housing === 'dormitory') tags.push('dormitory');
    if (job.meals === 'free') tags.push('free_meals');
  }
  if (job.housing === 'couple_room') tags.push('couple_room');
  if (job.meals === 'allowance') tags.push('meal_allowance');
  if (job.isDailyPay) tags.push('daily_pay');
  return tags;
}
