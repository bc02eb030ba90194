import type { Rule } from './rule';
import { pm001 } from './pm001-syntax-error';
import { pm002 } from './pm002-missing-section';
import { pm003 } from './pm003-missing-incident-field';
import { pm004 } from './pm004-unknown-key';
import { pm005 } from './pm005-duplicate';
import { pm006 } from './pm006-template-placeholder';
import { pm010 } from './pm010-timestamp-without-zone';
import { pm011 } from './pm011-timestamp-not-utc';
import { pm012 } from './pm012-timeline-order';
import { pm013 } from './pm013-duration-mismatch';
import { pm014 } from './pm014-impossible-order';
import { pm015 } from './pm015-invalid-date';
import { pm016 } from './pm016-late-writeup';
import { pm017 } from './pm017-impact-window';
import { pm020 } from './pm020-too-few-whys';
import { pm021 } from './pm021-missing-root-cause';
import { pm022 } from './pm022-why-numbering';
import { pm023 } from './pm023-person-as-root-cause';
import { pm030 } from './pm030-action-owner';
import { pm031 } from './pm031-action-due';
import { pm032 } from './pm032-action-priority';
import { pm033 } from './pm033-action-status';
import { pm034 } from './pm034-action-verify';
import { pm035 } from './pm035-vague-action';
import { pm036 } from './pm036-overdue-action';
import { pm037 } from './pm037-duplicate-action-id';
import { pm038 } from './pm038-done-without-verify';
import { pm039 } from './pm039-stale-tracking';
import { pm040 } from './pm040-blame-wording';
import { pm041 } from './pm041-counterfactual-wording';
import { pm042 } from './pm042-person-as-cause';
import { pm043 } from './pm043-minimizing-wording';
import { pm050 } from './pm050-missing-lesson-category';

/** Every rule, in code order. Adding a rule means adding its file and one line here. */
export const rules: readonly Rule[] = [
  pm001,
  pm002,
  pm003,
  pm004,
  pm005,
  pm006,
  pm010,
  pm011,
  pm012,
  pm013,
  pm014,
  pm015,
  pm016,
  pm017,
  pm020,
  pm021,
  pm022,
  pm023,
  pm030,
  pm031,
  pm032,
  pm033,
  pm034,
  pm035,
  pm036,
  pm037,
  pm038,
  pm039,
  pm040,
  pm041,
  pm042,
  pm043,
  pm050,
];

export function ruleByCode(code: string): Rule | undefined {
  return rules.find((r) => r.code === code);
}
