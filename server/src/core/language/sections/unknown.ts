import type { UnknownSection } from '../ast';
import type { SectionHead } from './lineReader';

/**
 * Any other key at column 0 heads a section the language does not know (PM004 reports its
 * header). Its lines are read as nothing: they belong to no known entry, and reporting each of
 * them again under the misspelt header would bury the one finding that matters.
 */
export function readUnknown(head: SectionHead): UnknownSection {
  return { ...head, name: 'unknown' };
}
