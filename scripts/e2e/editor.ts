// `npm run editor [-- --port N]`: a real VS Code in the browser with the extension installed, on
// examples/, for trying everything without installing VS Code. Runs until Ctrl+C, then stops the
// server's whole process group.
import { join } from 'node:path';
import { startCodeServer } from './codeServer';
import { ensureE2eTools } from './install';
import { E2eSetupError, log } from './log';
import { packageExtension } from './packageExtension';
import { projectRoot } from './paths';

function requestedPort(argumentsGiven: string[]): number | undefined {
  const index = argumentsGiven.indexOf('--port');
  if (index < 0) return undefined;
  const port = Number(argumentsGiven[index + 1]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new E2eSetupError('--port needs a port number from 1 to 65535');
  return port;
}

async function main(): Promise<void> {
  const port = requestedPort(process.argv.slice(2));
  ensureE2eTools();
  const vsixPath = packageExtension();
  const examples = join(projectRoot, 'examples');
  const server = await startCodeServer({ workspaceFolder: examples, vsixPath, label: 'editor', port });
  // Slashes need no escaping in a query; keeping them makes the printed URL readable.
  const url = `${server.url}?folder=${encodeURIComponent(examples).replace(/%2F/g, '/')}`;
  log(`VS Code with the postmortem extension is running on examples/ (edits change the files there).`);
  log(`open ${url}`);
  log('press Ctrl+C to stop it');
  process.once('exit', () => log('code-server stopped'));
  // Ctrl+C is handled by startCodeServer's exit hooks: they stop the process group and clean up.
  await server.exited;
  process.stderr.write(`[e2e] code-server stopped on its own:\n${server.logTail()}\n`);
  await server.stop();
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`[e2e] ${error instanceof E2eSetupError ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
