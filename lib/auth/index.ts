export * from './principal';
export { createTokenVerifier, signLocalToken, generateSigningKey, type TokenVerifier, type SigningKey } from './tokens';
export { createLocalAuth, createCognitoAuth, cognitoAuthFromEnv, type WebAuth } from './local-auth';
export { hashPassword, verifyPassword, PASSWORD_MIN_LENGTH } from './password';
export { LoginRateLimiter } from './rate-limit';
