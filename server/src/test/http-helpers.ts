import type { App } from '../platform/http.js';
import { TEST_PASSWORD } from './factories.js';

/** Signs in through the real route and returns a cookie jar for app.inject. */
export async function signIn(app: App, login: string, password = TEST_PASSWORD) {
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed for ${login}: ${response.body}`);
  const cookie = response.cookies.find((item) => item.name === 'jobcast_session');
  return { jobcast_session: cookie!.value };
}
