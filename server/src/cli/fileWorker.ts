import { parentPort, workerData } from 'node:worker_threads';
import { runTaskOnJobs, type FileTaskName } from './fileTasks';
import { compileRegexesOnce } from './regexCompilation';

/** A worker of filePool.ts: runs one task on its share of the files and posts the outcomes back, in order. */
const { task, jobs, settings } = workerData as { task: FileTaskName; jobs: never[]; settings: never };
compileRegexesOnce();
parentPort!.postMessage(runTaskOnJobs(task, jobs, settings));
