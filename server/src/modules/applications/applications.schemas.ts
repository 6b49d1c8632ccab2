// The shapes live in contracts/ (shared with the web app); re-exported here for the module's own use.
export { applicationReceiptSchema, applyBodySchema, hostApplicationSchema, jobCountSchema } from '../../../../contracts/live.js';
export type { ApplicationReceipt, ApplyBody, HostApplication, JobCount } from '../../../../contracts/live.js';
