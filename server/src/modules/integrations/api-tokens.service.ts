import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import type { AuthUser } from '../../platform/http.js';
import * as repository from './api-tokens.repository.js';
import type { ApiTokenAccess, ApiTokenScope } from './api-tokens.repository.js';

/** Every token starts so: a secret scanner (and a person) can tell one when it leaks. */
export const API_TOKEN_PREFIX = 'jc_';
const SHOWN_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 6;
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The token of an `Authorization: Bearer …` header, or null when the header is not a bearer one. */
export function readBearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

/**
 * What an integration (an API token, a webhook) belongs to: an employer's company or a bureau's province. Managed
 * only by a person signed in to the console, never with an API token (`signedInOnly`, 403); other roles 403
 * (`managersOnly`); an employer without a company 409.
 */
export function resolveIntegrationScope(user: AuthUser, messages: { signedInOnly: string; managersOnly: string }): ApiTokenScope {
  if (user.apiTokenId) throw forbidden(messages.signedInOnly);
  if (user.role === 'employer') {
    if (!user.companyId) throw new AppError('conflict', 'Register your company first / 请先登记企业信息');
    return { companyId: user.companyId, provinceCode: null };
  }
  if (user.role === 'bureau' && user.provinceCode) return { companyId: null, provinceCode: user.provinceCode };
  throw forbidden(messages.managersOnly);
}

/**
 * API tokens (issue 13): an employer makes them for its company, a bureau for its province. A token acts as the
 * account that made it, with that account's role and scope — every route's rules apply unchanged — and a read
 * token only reads (GET). Shown once; only its SHA-256 hash is stored.
 */
export function createApiTokensService(deps: { db: Db }) {
  const { db } = deps;

  // A token cannot make or revoke tokens: a leaked one must not be able to keep itself alive.
  const scopeOf = (user: AuthUser): ApiTokenScope => resolveIntegrationScope(user, {
    signedInOnly: 'API tokens are managed in the console, signed in / 请登录后在控制台管理 API 令牌',
    managersOnly: 'Only employers and bureaus make API tokens / 仅企业和人社部门可创建 API 令牌',
  });

  return {
    list(user: AuthUser) {
      return repository.listApiTokensByScope(db, scopeOf(user));
    },

    /** The secret is in this answer only. */
    async create(user: AuthUser, input: { name: string; access: ApiTokenAccess }) {
      const scope = scopeOf(user);
      const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      const token = await repository.insertApiToken(db, { ...scope, name: input.name, access: input.access, tokenHash: hashToken(secret), tokenPrefix: secret.slice(0, SHOWN_PREFIX_LENGTH), createdByUserId: user.id });
      return { token, secret };
    },

    async revoke(user: AuthUser, tokenId: string) {
      if (!(await repository.revokeApiToken(db, scopeOf(user), tokenId))) throw notFound('API token');
    },

    /** The account behind a bearer token (401 unknown or revoked; 403 a read token on a write). */
    async authenticate(secret: string, method: string): Promise<AuthUser> {
      const found = secret.startsWith(API_TOKEN_PREFIX) && secret.length < 200 ? await repository.findUserByApiTokenHash(db, hashToken(secret)) : null;
      if (!found) throw new AppError('unauthenticated', 'Invalid or revoked API token / API 令牌无效或已撤销');
      if (found.access === 'read' && !READ_METHODS.has(method)) {
        throw new AppError('forbidden', 'This API token may only read / 该 API 令牌只读', { reason: 'read_only_token' });
      }
      await repository.touchApiToken(db, found.tokenId);
      return { ...found.user, apiTokenId: found.tokenId };
    },
  };
}

export type ApiTokensService = ReturnType<typeof createApiTokensService>;
