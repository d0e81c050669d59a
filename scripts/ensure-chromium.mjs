// Finds a Chromium for the e2e tests: $CHROMIUM_PATH, then Debian's /usr/bin/chromium.
// Where none is found and we are root with apt-get, installs Debian's `chromium`; else stops with one line.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const found = candidates.find((p) => existsSync(p));
if (found) {
  console.log(`e2e: using Chromium at ${found}`);
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log('e2e: no Chromium found; installing Debian\'s chromium with apt-get …');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  if (existsSync('/usr/bin/chromium')) process.exit(0);
}
console.error('e2e: no Chromium found — install one (sudo apt-get install chromium) or set CHROMIUM_PATH=/path/to/chromium');
process.exit(1);
