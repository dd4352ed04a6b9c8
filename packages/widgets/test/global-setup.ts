import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// The drop-in test loads the built script, as a force's page would. `npm test` at the root
// builds first; this covers running the widgets' tests alone on a fresh clone.
export default function buildDropInIfMissing(): void {
  if (existsSync(new URL('../dist/victim-portal.js', import.meta.url))) return;
  execFileSync('npm', ['run', 'build'], { cwd: new URL('..', import.meta.url), stdio: 'inherit' });
}
