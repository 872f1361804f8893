/** Helpers shared by the integration tests of every module (browser helpers: ./browser.js and ./server.js). */
export { ADMIN_TOKEN, adminHeaders, createTestApp, type TestApp, type TestAppOptions } from './test-app.js';
export { describeBrowser, describeDb, dialectName, tierSkipReason, type Dialect } from './tier.js';
