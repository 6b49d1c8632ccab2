import { api } from '../../app/api';
import type { ContactConsents } from './api';

/** The seeker's contact consents (pipeline.routes.ts), apart from pipelineApi so the job and company pages do not carry them. */
export const consentsApi = {
  listContactConsents: () => api.get<ContactConsents>('/api/seeker/contact-consents'),
  withdrawContactConsent: (consentId: number) => api.post<ContactConsents>(`/api/seeker/contact-consents/${encodeURIComponent(String(consentId))}/withdraw`),
};
