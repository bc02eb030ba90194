import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFixtures } from './fixtures';

/**
 * The adversarial suite's inputs (issue 12): seeded, so a failure replays exactly. `npm test` runs
 * a few thousand cases; `npm run fuzz` sets POSTMORTEM_FUZZ_SCALE to run many times more, with
 * POSTMORTEM_FUZZ_SEED to explore other inputs.
 */
export const FUZZ_SCALE = Math.max(1, Number(process.env.POSTMORTEM_FUZZ_SCALE) || 1);
export const FUZZ_SEED = Number(process.env.POSTMORTEM_FUZZ_SEED) || 20261129;

/** mulberry32: a small seeded generator. */
export function seededRandom(seed: number): Random {
  let state = seed | 0;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

export interface Random {
  next(): number;
  /** 0 ≤ result < n. */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
}

const ROOT = join(import.meta.dirname, '..', '..');

/** Every example and fixture: what the mutations start from. */
export function seedDocuments(): string[] {
  const examples = readdirSync(join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.postmortem'))
    .sort()
    .map((f) => readFileSync(join(ROOT, 'examples', f), 'utf8'));
  return [...examples, ...loadFixtures().map((f) => f.text)];
}

/** Pieces that stress the grammar, the rules and the terminal: keys, times, breaks, controls, odd Unicode. */
const SNIPPETS = [
  '\t', '\r', '\r\n', '\n', ':', '# ', '- ', '  why 9:', 'root cause:', 'A1:', '  A1:', '14:30', '2:30 pm', '2025-02-30', 'UTC', ' PST', '+99:99',
  '\u0000', '\ufeff', '\ud83d\ude00', '\ud800', '\u001b[2J', '\u001b]0;title\u0007', '\u202e', '\u2028', '\u0085', 'timeline:', 'actions:', 'whys:',
  '    owner:', '    due: 2025-02-21', '    status: dnoe', '  started:', '@', '@@', '"', '`', '\\', '<script>alert(1)</script>', 'javascript:alert(1)',
  'https://example.com/a"b', '{{', '${x}', 'k'.repeat(300), ' '.repeat(200), '\t\t\t',
];

/** A mutated copy of `text`: lines removed, repeated, swapped, cut; characters, snippets and indentation changed. */
export function mutate(text: string, random: Random): string {
  let lines = text.split('\n');
  const steps = 1 + random.int(5);
  for (let s = 0; s < steps; s++) {
    const i = random.int(lines.length);
    const line = lines[i] ?? '';
    switch (random.int(9)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, lines[random.int(lines.length)] ?? '');
        break;
      case 2: {
        const j = random.int(lines.length);
        [lines[i], lines[j]] = [lines[j], lines[i]];
        break;
      }
      case 3: {
        const at = random.int(line.length + 1);
        const noise = Array.from({ length: 1 + random.int(12) }, () => String.fromCharCode(random.int(0x3000))).join('');
        lines[i] = line.slice(0, at) + noise + line.slice(at);
        break;
      }
      case 4: {
        const joined = lines.join('\n');
        lines = joined.slice(0, random.int(joined.length + 1)).split('\n');
        break;
      }
      case 5: {
        const at = random.int(line.length + 1);
        lines[i] = line.slice(0, at) + random.pick(SNIPPETS) + line.slice(at);
        break;
      }
      case 6:
        lines[i] = line.replace(/^[ \t]+/, random.pick(['', '\t', '\t\t', ' ', '   ', '    ', ' \t']));
        break;
      case 7:
        lines[i] = line.replace(/\s+/, random.pick(['\t', '   ', '  ']));
        break;
      default:
        lines[i] = random.int(2) ? line.toUpperCase() : line.trimEnd() + random.pick([' ', '\t', '  ']);
    }
  }
  return lines.join(random.pick(['\n', '\n', '\n', '\r\n', '\r']));
}

/** Bytes that are not text: random, or text with invalid UTF-8, UTF-16, or a NUL run. */
export function randomBytes(random: Random, seedText: string): Buffer {
  switch (random.int(4)) {
    case 0:
      return Buffer.from(Array.from({ length: random.int(4096) }, () => random.int(256)));
    case 1: {
      const bytes = Buffer.from(seedText, 'utf8');
      for (let k = 0; k < 1 + random.int(4); k++) bytes[random.int(bytes.length)] = 0x80 + random.int(0x80);
      return bytes;
    }
    case 2:
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText, 'utf16le')]);
    default:
      return Buffer.concat([Buffer.from(seedText.slice(0, random.int(seedText.length)), 'utf8'), Buffer.alloc(random.int(2048))]);
  }
}

/** `.postmortemrc.json` contents that are wrong in every way a repository could make them. */
export function hostileConfig(random: Random): string {
  const values = [
    '', '{', 'null', '[]', '"text"', '{"rules": null}', '{"rules": {"PM999": "off", "PM010": "loud"}}', '{"requiredWhys": -1}', '{"requiredWhys": 1e309}',
    '{"today": "2025-02-30"}', '{"today": "2031-05-06"}', '{"__proto__": {"polluted": true}}', '{"constructor": {"prototype": {"x": 1}}}',
    '{"blamePhrases": [null, 1, "x"]}', '{"people": "everyone"}', '{"rules": {"PM001": "off", "PM002": "off"}}', `{"x": "${'y'.repeat(1000)}"}`,
    '\ufeff{"rules": {}}', '{"rules": {"toString": "off"}}', `${'['.repeat(5000)}${']'.repeat(5000)}`,
  ];
  return random.pick(values);
}

/** How many cases, at this run's scale. */
export function cases(base: number): number {
  return base * FUZZ_SCALE;
}
