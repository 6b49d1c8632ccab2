import { api } from '../../app/api';

export type ApiTokenAccess = 'read' | 'write';
export type ApiToken = {
  id: string;
  name: string;
  tokenPrefix: string;
  access: ApiTokenAccess;
  createdByName: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export const integrationsApi = {
  listTokens: () => api.get<{ tokens: ApiToken[] }>('/api/api-tokens'),
  createToken: (body: { name: string; access: ApiTokenAccess }) => api.post<{ token: ApiToken; secret: string }>('/api/api-tokens', body),
  revokeToken: (tokenId: string) => api.delete<{ ok: true }>(`/api/api-tokens/${encodeURIComponent(tokenId)}`),
};
