import 'mocha/mocha';
import './setup';
import './webExtension.test';

/**
 * The entry point the web worker extension host calls (`extensionTestsPath`): Mocha's browser
 * build, which runs in a worker too, with the suite bundled in. Rejects when a test fails.
 */
export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} web extension test(s) failed`)) : resolve()));
  });
}
