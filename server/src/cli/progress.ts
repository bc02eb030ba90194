import { escapeForTerminal } from '../core/render/escape';

/** The part of a stream the progress line needs; `process.stderr` in real use. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** Runs shorter than this show no progress at all, so quick checks do not flicker. */
const SHOW_AFTER_MS = 200;
const REDRAW_EVERY_MS = 80;

/**
 * `checking 37/120 path` on one line of a terminal, redrawn in place and cleared at the end.
 * Never drawn when the stream is not a terminal (CI logs, pipes, files).
 */
export class ProgressLine {
  private readonly enabled: boolean;
  private readonly startedAt: number;
  private drawnAt = 0;
  private visible = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly now: () => number = Date.now,
  ) {
    this.enabled = !!stream.isTTY && total > 1;
    this.startedAt = now();
  }

  /** Call before checking each file (`done` files are finished). */
  update(done: number, path: string): void {
    if (!this.enabled) return;
    const time = this.now();
    if (time - this.startedAt < SHOW_AFTER_MS || time - this.drawnAt < REDRAW_EVERY_MS) return;
    this.drawnAt = time;
    const width = Math.max(20, (this.stream.columns ?? 80) - 1);
    let line = `checking ${done}/${this.total} ${escapeForTerminal(path)}`;
    if (line.length > width) line = line.slice(0, width - 1) + '…';
    this.stream.write(`\r\u001b[2K${line}`);
    this.visible = true;
  }

  /** Removes the line, leaving the terminal as it was. */
  clear(): void {
    if (!this.visible) return;
    this.stream.write('\r\u001b[2K');
    this.visible = false;
  }
}
