// `npm run test:e2e [-- SCENARIO_FILE...] [--update-screenshots]`: installs the e2e tools (cached),
// packages the extension, and runs the Playwright scenarios in test/e2e/scenarios against a real
// VS Code workbench (code-server). Prints the figures the run measured.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureE2eTools, readInstallStamp } from './install';
import { E2eSetupError, log } from './log';
import { packageExtension } from './packageExtension';
import { projectRoot, testResultsRoot } from './paths';

const defaultScenarios = 'test/e2e/scenarios/*.e2e.ts';

function main(): number {
  const started = Date.now();
  const argumentsGiven = process.argv.slice(2);
  const updateScreenshots = argumentsGiven.includes('--update-screenshots');
  const scenarioFiles = argumentsGiven.filter((argument) => argument !== '--update-screenshots');

  const installSeconds = ensureE2eTools();
  const vsixPath = packageExtension();
  log(`running the scenarios against ${vsixPath}`);

  const figuresFile = join(testResultsRoot, 'e2e-figures.json');
  const mocha = spawnSync(
    process.execPath,
    [
      join(projectRoot, 'node_modules', 'mocha', 'bin', 'mocha.js'),
      '--config', 'test/e2e/.mocharc.json',
      ...(scenarioFiles.length ? scenarioFiles : [defaultScenarios]),
    ],
    {
      cwd: projectRoot,
      stdio: 'inherit',
      env: { ...process.env, E2E_VSIX: vsixPath, ...(updateScreenshots ? { E2E_UPDATE_SCREENSHOTS: '1' } : {}) },
    },
  );

  const totalSeconds = (Date.now() - started) / 1000;
  if (existsSync(figuresFile)) {
    const figures = JSON.parse(readFileSync(figuresFile, 'utf8')) as Record<string, unknown>;
    const report = {
      ...figures,
      totalSeconds,
      installSecondsThisRun: installSeconds,
      coldInstallSeconds: readInstallStamp()?.installSeconds,
    };
    writeFileSync(figuresFile, JSON.stringify(report, null, 2) + '\n');
    printFigures(report);
  }
  return mocha.status ?? 1;
}

function megabytes(bytes: number | undefined): string {
  return bytes === undefined ? '?' : `${Math.round(bytes / 2 ** 20)} MB`;
}

function seconds(milliseconds: number | undefined): string {
  return milliseconds === undefined ? 'not measured' : `${(milliseconds / 1000).toFixed(1)} s`;
}

function printFigures(report: {
  serverStartToWorkbenchReadyMs?: number;
  serverStartToFirstDiagnosticMs?: number;
  peakMemory?: Record<string, { pssBytes: number; rssBytes: number; processes: number }>;
  totalSeconds: number;
  coldInstallSeconds?: number;
}): void {
  const lines = [
    `total e2e time: ${report.totalSeconds.toFixed(0)} s (packaging, server, browser, scenarios)`,
    `server start → workbench showing the files: ${seconds(report.serverStartToWorkbenchReadyMs)}`,
    `server start → first diagnostic on screen: ${seconds(report.serverStartToFirstDiagnosticMs)}`,
    ...Object.entries(report.peakMemory ?? {}).map(
      ([name, peak]) => `peak memory of ${name}: ${megabytes(peak.pssBytes)} PSS (${megabytes(peak.rssBytes)} RSS summed over up to ${peak.processes} processes)`,
    ),
    `cold install of the e2e tools (first run only): ${report.coldInstallSeconds === undefined ? '?' : `${report.coldInstallSeconds.toFixed(0)} s`}`,
  ];
  log(`figures (also in test-results/e2e-figures.json):\n${lines.map((line) => `  ${line}`).join('\n')}`);
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`[e2e] ${error instanceof E2eSetupError ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
