/**
 * Authentication settings, read from the environment when a server starts (not at import, so
 * tests and scripts can set them first). Development falls back to fixed secrets; production
 * refuses to start without real ones.
 */
export interface AuthConfig {
  /** HS256 secret of bearer tokens (development and simple deployments). */
  jwtSecret?: string;
  /** JWKS URL of RS256/ES256 bearer tokens (production identity providers). */
  jwksUrl?: string;
  audience?: string;
  issuer?: string;
  /** Shared secret the router adds to every subgraph request (header `x-gateway-secret`). */
  gatewaySecret: string;
  production: boolean;
}

export const DEV_JWT_SECRET = 'development-jwt-secret-do-not-use-in-production';
export const DEV_GATEWAY_SECRET = 'development-gateway-secret-do-not-use-in-production';

export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === 'production';
}

export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const production = isProduction(env);
  const config: AuthConfig = {
    jwtSecret: env.JWT_SECRET ?? (env.JWKS_URL || production ? undefined : DEV_JWT_SECRET),
    jwksUrl: env.JWKS_URL || undefined,
    audience: env.JWT_AUDIENCE || undefined,
    issuer: env.JWT_ISSUER || undefined,
    gatewaySecret: env.GATEWAY_SECRET ?? (production ? '' : DEV_GATEWAY_SECRET),
    production,
  };
  if (production) assertProductionSecrets(config, env);
  return config;
}

function assertProductionSecrets(config: AuthConfig, env: NodeJS.ProcessEnv): void {
  const missing: string[] = [];
  if (!config.jwtSecret && !config.jwksUrl) missing.push('JWT_SECRET or JWKS_URL');
  if (!config.gatewaySecret) missing.push('GATEWAY_SECRET');
  if (!env.SIGNING_KEY_SECRET) missing.push('SIGNING_KEY_SECRET');
  const weak = [config.jwtSecret, config.gatewaySecret, env.SIGNING_KEY_SECRET].some((s) => s !== undefined && s !== '' && s.length < 32);
  if (missing.length) throw new Error(`NODE_ENV=production needs ${missing.join(', ')}`);
  if (weak) throw new Error('NODE_ENV=production needs secrets of at least 32 characters');
  if (config.jwtSecret === DEV_JWT_SECRET || config.gatewaySecret === DEV_GATEWAY_SECRET) throw new Error('NODE_ENV=production refuses the development secrets');
}
