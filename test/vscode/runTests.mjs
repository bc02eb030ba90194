// `npm run test:vscode`: downloads VS Code (network access needed), starts it with this extension
// in development mode and no other extension, and runs dist/test/vscode/index.js inside it.
import { runTests } from '@vscode/test-electron';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'dist', 'test', 'vscode', 'index.js'),
    // An empty folder as the workspace: the suite works on untitled documents.
    launchArgs: [mkdtempSync(join(tmpdir(), 'postmortem-vscode-')), '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
  });
} catch (error) {
  console.error(`The VS Code tests did not pass: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
