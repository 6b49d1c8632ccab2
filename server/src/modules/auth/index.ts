export { createAuthService, SESSION_COOKIE, type AuthService, type SignUpInput } from './auth.service.js';
export { registerAuthRoutes } from './auth.routes.js';
export { phoneSchema, passwordSchema } from './auth.schemas.js';
export { createPhoneCodeService, PHONE_CODE_RULES, type PhoneCodeService } from './phone-code.service.js';
export { createSignInLockout, type SignInLockout } from './sign-in-lockout.js';
export { createEmailConfirmationService, type EmailConfirmationService } from './email-confirmation.service.js';
