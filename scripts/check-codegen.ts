/**
 * Prints the generated files that differ from what `npm run codegen` would write now (one path a
 * line; nothing when all are current). Run by test/generated.test.ts in its own process, because
 * the codegen CLI loads ES modules that jest's module system cannot.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import config from '../codegen';
import { PROJECT_ROOT } from '../lib/config';

async function main(): Promise<void> {
  const outputs = await generate({ ...config, cwd: PROJECT_ROOT, silent: true }, false);
  const stale = outputs.filter((o: { filename: string; content: string }) => !fs.existsSync(o.filename) || fs.readFileSync(o.filename, 'utf8') !== o.content);
  for (const o of stale) console.log(path.relative(PROJECT_ROOT, o.filename));
  console.log(`checked ${outputs.length} files`);
}

main().catch((err) => { console.error(err); process.exit(1); });
