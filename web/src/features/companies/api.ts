import { api } from '../../app/api';
import type { AccountType } from '../../app/types';

export type CompanyStatus = 'pending' | 'verified' | 'rejected' | 'suspended';

/** server/src/modules/companies/companies.schemas.ts companySchema. */
export type Company = {
  id: string;
  name: string;
  creditCode: string;
  cityCode: string;
  cityName: string;
  industryCode: string;
  industryName: string;
  accountType: AccountType;
  hrLicenceNumber: string | null;
  status: CompanyStatus;
  reviewReason: string | null;
  reviewedAt: string | null;
  isSynthetic: boolean;
  createdAt: string;
};

export type RegisterCompanyInput = {
  name: string;
  creditCode: string;
  cityCode: string;
  industryCode: string;
  accountType: AccountType;
  hrLicenceNumber?: string;
};

export const getOwnCompany = () => api.get<{ company: Company | null }>('/api/companies/mine');
export const registerCompany = (input: RegisterCompanyInput) => api.post<Company>('/api/companies', input);
export const resubmitCompany = (input: RegisterCompanyInput) => api.put<Company>('/api/companies/mine', input);
