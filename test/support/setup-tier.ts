/** Setup file of the integration and browser projects: skip a tier whose service is missing, close leftovers. */
import { afterAll, beforeEach } from 'vitest';
import { closeLeftovers } from './cleanup.js';
import { tierSkipReason } from './tier.js';

const reason = tierSkipReason();
// describeDb/describeBrowser skip whole blocks; this also catches tests written outside them.
if (reason !== undefined) beforeEach((context) => context.skip(reason));

afterAll(closeLeftovers);
