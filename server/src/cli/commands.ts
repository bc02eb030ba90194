/** A subcommand: its arguments in, its exit status out. */
export interface Command {
  run(args: string[]): Promise<number>;
}

export interface CommandEntry {
  /** One line for the usage text. */
  synopsis: string;
  summary: string;
  /** Loaded on use, so one command's code never slows another's start. */
  load(): Promise<Command>;
}

/** Every subcommand of `postmortem`; adding one means one entry here and its file in commands/. */
export const COMMANDS: Record<string, CommandEntry> = {
  check: {
    synopsis: 'check [--format text|json|sarif|codequality] [--today YYYY-MM-DD] [--config FILE] [--max-warnings N] [--fix] [PATH...]',
    summary: 'check .postmortem files and folders',
    load: () => import('./commands/check'),
  },
  render: {
    synopsis: 'render FILE [-o OUT.html]',
    summary: 'write the HTML the editor preview shows',
    load: () => import('./commands/render'),
  },
  export: {
    synopsis: 'export --format md FILE',
    summary: 'write the postmortem as Markdown for a wiki',
    load: () => import('./commands/export'),
  },
  new: {
    synopsis: 'new [--title TITLE] [-o FILE]',
    summary: 'start a postmortem from the template',
    load: () => import('./commands/new'),
  },
  import: {
    synopsis: 'import FILE.md [-o OUT.postmortem]',
    summary: 'turn a Markdown postmortem into a .postmortem file',
    load: () => import('./commands/import'),
  },
  actions: {
    synopsis: 'actions PATH...',
    summary: 'list open and overdue action items by owner and due date',
    load: () => import('./commands/actions'),
  },
  stats: {
    synopsis: 'stats [--format text|json|html] [--since D] [--until D] [--today D] [-o FILE] PATH...',
    summary: 'figures across postmortems: severity, services, months, medians, actions, recurring and related incidents',
    load: () => import('./commands/stats'),
  },
};
