// Builds the extension package the way a user gets it: `npm run package` writes a .vsix.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './paths';
import { E2eSetupError, log } from './log';

/** Runs `npm run package` and returns the .vsix it wrote (the newest one in the project root). */
export function packageExtension(): string {
  const started = Date.now();
  log('packaging the extension (npm run package)');
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new E2eSetupError(`\`npm run package\` failed (status ${result.status}); the e2e run needs the packaged .vsix`);
  }
  const written = readdirSync(projectRoot)
    .filter((name) => name.endsWith('.vsix'))
    .map((name) => ({ path: join(projectRoot, name), modified: statSync(join(projectRoot, name)).mtimeMs }))
    .filter((file) => file.modified >= started - 1_000)
    .sort((a, b) => b.modified - a.modified);
  if (written.length === 0) throw new E2eSetupError('`npm run package` succeeded but wrote no .vsix in the project root');
  return written[0].path;
}
