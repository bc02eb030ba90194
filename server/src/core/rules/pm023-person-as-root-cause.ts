import type { Rule } from './rule';
import { detectorFor } from './wording/detector';
import { proseFindings, rangeInPart, rootCauseParts } from './wording/documentWording';
import type { TextPart } from '../language/ast';

interface Offending {
  part: TextPart;
  start: number;
  end: number;
}

export const pm023: Rule = {
  code: 'PM023',
  name: 'person-as-root-cause',
  description: 'The root cause names a person, a role or "human error" instead of a condition of the system.',
  defaultSeverity: 'warning',
  fixable: false,
  check(context) {
    const detector = detectorFor(context.config);
    const byPart = new Map<TextPart, Offending[]>();
    const add = (found: Offending) => {
      const list = byPart.get(found.part) ?? [];
      list.push(found);
      byPart.set(found.part, list);
    };
    for (const { kind, part, match } of proseFindings(context)) {
      if (kind === 'root-cause' && (match.category === 'blame' || match.category === 'person-as-cause')) add({ part, start: match.start, end: match.end });
    }
    for (const part of rootCauseParts(context)) {
      for (const person of detector.personMentions(part.text)) add({ part, ...person });
    }
    for (const [part, found] of byPart) {
      // "@bob's mistake" is a person and blame wording at once: one diagnostic for the words.
      found.sort((a, b) => a.start - b.start);
      const merged: Offending[] = [];
      for (const f of found) {
        const last = merged[merged.length - 1];
        if (last && f.start < last.end) last.end = Math.max(last.end, f.end);
        else merged.push({ ...f });
      }
      for (const m of merged) {
        context.report({
          range: rangeInPart(part, m.start, m.end),
          message: `State the root cause as a condition of the system, such as a missing safeguard, check or step, instead of “${part.text.slice(m.start, m.end)}”.`,
        });
      }
    }
  },
};
