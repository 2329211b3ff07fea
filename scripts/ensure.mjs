// Installs what `npm start`, `npm test` and `npm run bench` need on a fresh clone, using only Node's
// standard library (nothing from node_modules can be assumed here).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a command with inherited output; throws with the command line when it fails. */
export function run(cmd, args, options = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  if (res.error) throw new Error(`${cmd} ${args.join(' ')}: ${res.error.message}`);
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${res.status ?? res.signal}`);
}

/**
 * Runs a command with its output (stdout and stderr, in order) collected instead of printed: for
 * commands run side by side. Resolves with the exit code, the output and the time taken.
 */
export function runCaptured(cmd, args, options = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' }, ...options });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', (e) => chunks.push(Buffer.from(`${cmd}: ${e.message}\n`)));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - started }));
  });
}

/** `npm ci` when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) {
    if (!existsSync(join(root, 'build', 'cli.mjs'))) run('node', ['scripts/build-cli.mjs']);
    return;
  }
  console.log('[setup] installing npm dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

function which(name) {
  const res = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return res.status === 0 ? res.stdout.trim() : null;
}

const browsers = {
  chromium: { env: 'CHROMIUM_PATH', bins: ['chromium', 'chromium-browser'], pkg: 'chromium' },
  firefox: { env: 'FIREFOX_PATH', bins: ['firefox-esr', 'firefox'], pkg: 'firefox-esr' },
};

function findBrowser(name) {
  const spec = browsers[name];
  const fromEnv = process.env[spec.env];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const bin of spec.bins) {
    const found = which(bin);
    if (found) return found;
  }
  return null;
}

/**
 * Returns the paths of the requested browsers, installing Debian's packages with apt-get when they
 * are missing and this process may. Throws a message that says how to get them otherwise.
 */
export function ensureBrowsers(names) {
  const missing = names.filter((n) => !findBrowser(n));
  if (missing.length) {
    const pkgs = missing.map((n) => browsers[n].pkg);
    const canApt = process.getuid?.() === 0 && which('apt-get');
    if (!canApt) {
      throw new Error(
        `Missing browser(s): ${missing.join(', ')}. Install Debian's packages (sudo apt-get install -y ${pkgs.join(' ')} fonts-noto-cjk) ` +
          `or point ${missing.map((n) => browsers[n].env).join(' / ')} at a browser binary.`,
      );
    }
    console.log(`[setup] installing ${pkgs.join(' ')} with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update'], { env });
    run('apt-get', ['install', '-y', '--no-install-recommends', ...pkgs, 'fonts-noto-cjk'], { env });
  }
  const paths = {};
  for (const n of names) {
    const p = findBrowser(n);
    if (!p) throw new Error(`${n} still not found after installing it`);
    paths[n] = p;
  }
  return paths;
}

/** Does this machine have PostgreSQL's server binaries (Debian's layout: /usr/lib/postgresql/N/bin)? */
function postgresInstalled() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return false;
  return readdirSync(base).some((v) => existsSync(join(base, v, 'bin', 'postgres')) && existsSync(join(base, v, 'bin', 'initdb')));
}

/**
 * PostgreSQL's server, for the receiver's PostgreSQL tests (each test starts a throwaway cluster
 * of its own; no service is used): Debian's `postgresql` is installed where it is missing and
 * apt-get can run, as for the browsers. Returns true when the server is there, so that the tests
 * are made to run (LIANGZHAO_REQUIRE_POSTGRES); false, with a message, where it cannot be installed
 * and the tests will be skipped.
 */
export function ensurePostgres() {
  if (postgresInstalled()) return true;
  const canApt = process.getuid?.() === 0 && which('apt-get');
  if (!canApt) {
    console.warn('[setup] PostgreSQL is not installed and apt-get cannot run here: the PostgreSQL tests will be skipped (install it with: sudo apt-get install -y postgresql)');
    return false;
  }
  console.log('[setup] installing postgresql with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { env });
  if (!postgresInstalled()) throw new Error('postgresql still not found after installing it');
  return true;
}

/**
 * Chromium flags for running the built extension on these machines (headless or not): the extension
 * loaded, and none of the background networking that a closed network refuses.
 */
export function chromiumArgs(dist, { headless = true } = {}) {
  return [
    ...(headless ? ['--headless=new'] : []),
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--lang=zh-CN',
  ];
}
