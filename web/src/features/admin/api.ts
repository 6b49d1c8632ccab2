import { api } from '../../app/api';
import type { Company, CompanyStatus } from '../companies/api';

export type ReviewDecision = { decision: 'verify' } | { decision: 'reject' | 'suspend'; reason: string };

export const listCompaniesByStatus = (status: CompanyStatus) => api.get<{ companies: Company[] }>('/api/admin/companies', { status, pageSize: 200 });

export const reviewCompany = (companyId: string, decision: ReviewDecision) =>
  api.post<Company>(`/api/admin/companies/${encodeURIComponent(companyId)}/review`, decision);
