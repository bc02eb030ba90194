import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './testServer';

export interface SampleDocument {
  name: string;
  text: string;
}

/** Every example and fixture: the documents the formatter and the robustness checks run over. */
export function sampleDocuments(): SampleDocument[] {
  return ['examples', join('test', 'fixtures')].flatMap((folder) => {
    const dir = join(REPO_ROOT, folder);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.postmortem'))
      .sort()
      .map((f) => ({ name: `${folder}/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
  });
}

export function readExample(name: string): string {
  return readFileSync(join(REPO_ROOT, 'examples', name), 'utf8');
}

let counter = 0;

/** A fresh URI per test, so no test sees another test's document. */
export function uniqueUri(name: string): string {
  return `file:///virtual/${name}-${++counter}.postmortem`;
}
