import { parentPort, workerData } from 'node:worker_threads';
import { FILE_TASKS, type FileTaskName } from './fileTasks';

/** A worker of filePool.ts: runs one task on its share of the files and posts the outcomes back, in order. */
const { task, jobs, settings } = workerData as { task: FileTaskName; jobs: never[]; settings: never };
const run = FILE_TASKS[task] as (job: never, settings: never) => unknown;
parentPort!.postMessage(jobs.map((job) => run(job, settings)));
