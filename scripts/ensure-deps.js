#!/usr/bin/env node
// Installs the locked dependencies when node_modules is missing or does not match
// package-lock.json. Plain Node with no dependencies, so that `npm start` and `npm test` work on
// a fresh clone; after a plain `npm ci` (as CI runs it) it finds everything current and does nothing.
'use strict';
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const readJson = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);

const packagesOf = (lock) => Object.entries(lock?.packages ?? {}).filter(([key]) => key.startsWith('node_modules/'));

/**
 * Current when npm's record of node_modules (node_modules/.package-lock.json, written by every
 * install) has every required package of package-lock.json at its version, and nothing else.
 * Optional packages (other platforms' binaries) may be missing.
 */
function isCurrent(wanted, installed) {
  if (!installed) return false;
  const have = new Map(packagesOf(installed).map(([key, entry]) => [key, entry.version]));
  const want = new Map(packagesOf(wanted).map(([key, entry]) => [key, entry]));
  const missing = [...want].some(([key, entry]) => !entry.optional && have.get(key) !== entry.version);
  const extra = [...have].some(([key, version]) => want.get(key)?.version !== version);
  return !missing && !extra;
}

const wanted = readJson(path.join(root, 'package-lock.json'));
const installed = readJson(path.join(root, 'node_modules', '.package-lock.json'));
if (!isCurrent(wanted, installed)) {
  console.log('Installing the locked dependencies (npm ci)...');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
