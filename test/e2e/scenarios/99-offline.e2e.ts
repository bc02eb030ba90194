import assert from 'node:assert/strict';
import { e2eSession } from '../support/session';

describe('network', function () {
  it('the workbench sent nothing beyond 127.0.0.1 during the scenarios', function () {
    assert.deepEqual(e2eSession().figures.refusedOutsideRequests, []);
  });
});
