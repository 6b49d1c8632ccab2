/** 13812345678 → 138****5678. Anything that is not an 11-digit number is hidden entirely. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}

/** 张三丰 → 张**: for lists seen by people other than the seeker and the employer. */
export function maskName(name: string | null): string {
  if (!name) return '**';
  return `${Array.from(name)[0]}**`;
}

/** One CSV cell: quoted when needed; a leading = + - @ is neutralised so spreadsheets do not run it. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
