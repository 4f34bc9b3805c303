/**
 * `npm start`: the five subgraphs and the gateway in one process (SQLite under data/ unless
 * DATABASE_URL is set), migrated, with demo data loaded into an empty database.
 */
import { ALL_SCOPES, authConfigFromEnv, DEV_ACCOUNT_ID, isProduction, signToken } from '../lib/auth';
import { DEFAULT_GATEWAY_PORT, envInt } from '../lib/config';
import { seedDemoData } from './seed';
import { DEMO_ADMIN_SUBJECT } from './seed/ids';
import { startStack } from './stack';

/** Development mode: a ready-to-use admin token of the demo account, for Sandbox's Authorization header. */
async function printDevelopmentToken(): Promise<void> {
  const secret = authConfigFromEnv().jwtSecret;
  if (!secret) return;
  const token = await signToken({ accountId: DEV_ACCOUNT_ID, subject: DEMO_ADMIN_SUBJECT, scopes: [...ALL_SCOPES], expiresIn: 7 * 86_400 }, secret);
  console.log('\nDemo admin token (7 days; in Sandbox: Headers -> Authorization: Bearer <token>):');
  console.log(token);
}

async function main(): Promise<void> {
  const port = envInt('PORT', DEFAULT_GATEWAY_PORT);
  const stack = await startStack({ port, host: process.env.HOST ?? '0.0.0.0', databaseUrl: process.env.DATABASE_URL });
  const seeded = await seedDemoData(stack.subgraphs);
  const url = `http://localhost:${stack.gateway.port}/graphql`;
  console.log(seeded ? 'Demo data loaded.' : 'Existing data kept (the database is not empty).');
  console.log(`Gateway ready: ${url} (Apollo Sandbox in a browser; GET /health, /ready)`);
  for (const [name, s] of Object.entries(stack.subgraphs)) console.log(`  subgraph ${name}: ${s.url}`);
  if (!isProduction()) await printDevelopmentToken();
  const shutdown = async () => {
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
