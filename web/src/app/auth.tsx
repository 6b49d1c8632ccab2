import { createContext, startTransition, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from './api';
import type { Role, User } from './types';

export type SignUpInput = { role: 'seeker' | 'employer' | 'host'; email?: string; phone: string; code: string; password: string; displayName: string };

type AuthState = {
  user: User | null;
  isLoading: boolean;
  refresh: () => Promise<User | null>;
  signIn: (login: string, password: string) => Promise<User>;
  /** Asks for an SMS code; resolves with the seconds until another may be asked for. */
  requestPhoneCode: (phone: string) => Promise<number>;
  /** Signs in with the SMS code (a new phone becomes a seeker account, named `displayName` when given). */
  signInWithPhoneCode: (phone: string, code: string, displayName?: string) => Promise<User>;
  /** pendingEmail: the email given, to which a confirmation link was sent (it signs in once confirmed). */
  signUp: (input: SignUpInput) => Promise<{ user: User; pendingEmail: string | null }>;
  signOut: () => Promise<void>;
};

const AuthContext = createContext<AuthState | null>(null);

/** Who is signed in, from GET /api/auth/me; the session itself is an HttpOnly cookie. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [isLoading, setIsLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const { user: current } = await api.get<{ user: User | null }>('/api/auth/me');
      setUser(current);
      return current;
    } finally {
      setIsLoading(false);
    }
  }, []);

  useEffect(() => {
    // Who is signed in redraws the whole app: at start as a transition, in slices rather than one long task.
    const settle = (current: User | null) => startTransition(() => {
      setUser(current);
      setIsLoading(false);
    });
    api.get<{ user: User | null }>('/api/auth/me').then(({ user: current }) => settle(current), () => settle(null));
  }, []);

  const value = useMemo<AuthState>(() => ({
    user,
    isLoading,
    refresh,
    async signIn(login, password) {
      const { user: signedIn } = await api.post<{ user: User }>('/api/auth/sign-in', { login, password });
      setUser(signedIn);
      return signedIn;
    },
    async requestPhoneCode(phone) {
      const { resendAfterSeconds } = await api.post<{ resendAfterSeconds: number }>('/api/auth/phone-code', { phone });
      return resendAfterSeconds;
    },
    async signInWithPhoneCode(phone, code, displayName) {
      const { user: signedIn } = await api.post<{ user: User }>('/api/auth/phone-sign-in', { phone, code, displayName });
      setUser(signedIn);
      return signedIn;
    },
    async signUp(input) {
      const created = await api.post<{ user: User; pendingEmail: string | null }>('/api/auth/sign-up', input);
      setUser(created.user);
      return created;
    },
    async signOut() {
      try {
        await api.post('/api/auth/sign-out');
      } finally {
        setUser(null);
      }
    },
  }), [user, isLoading, refresh]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth must be used inside <AuthProvider>');
  return state;
}

/** Where a user lands after signing in. */
export function homePathFor(role: Role): string {
  if (role === 'employer') return '/employer';
  if (role === 'admin') return '/admin/companies';
  if (role === 'host') return '/host/sessions';
  return '/';
}
