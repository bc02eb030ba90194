// What the Problems panel should list for a fixture: the core analysis run on the same text with
// the fixture workspace's .postmortemrc.json, so the scenarios check the editor shows exactly that.
import { analyze } from '../../../server/src/core/index';
import { fixtureText } from './scenario';

export interface ExpectedProblem {
  code: string;
  message: string;
  /** 1-based. */
  line: number;
}

const workspaceConfig = JSON.parse(fixtureText('.postmortemrc.json')) as { today: string };

export function expectedProblems(fileName: string): ExpectedProblem[] {
  return analyze(fixtureText(fileName), { today: workspaceConfig.today }).diagnostics.map((diagnostic) => ({
    code: diagnostic.code,
    message: diagnostic.message,
    line: diagnostic.range.start.line + 1,
  }));
}
