import type { Queryable } from '../../platform/db.js';
import * as repository from './reports.repository.js';

export { createReportsService, type ReportsService } from './reports.service.js';
export { registerReportsRoutes } from './reports.routes.js';
export { REPORT_REASONS, REASON_LABELS, type Report } from './reports.schemas.js';

/** Whether a phone number is on the blacklist: sign-up refuses it (a ban survives re-registration). */
export function isPhoneBanned(db: Queryable, phone: string): Promise<boolean> {
  return repository.isPhoneBanned(db, phone);
}

/** Account deletion keeps the seeker's reports (complaint records) but removes who filed them and their text. */
export function unlinkReporter(db: Queryable, userId: string): Promise<void> {
  return repository.unlinkReporter(db, userId);
}

/** The reports a user filed (for their data download). */
export function listReportsFiledBy(db: Queryable, userId: string) {
  return repository.listReportsByReporter(db, userId);
}
