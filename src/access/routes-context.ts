import type { Config } from '../config.js';
import type { Guards } from '../http/guards.js';
import type { Services } from '../services.js';
import type { PageContext } from '../web/page-context.js';

/** What the access module's route installers get from the app. */
export interface RouteContext {
  config: Config;
  services: Services;
  guards: Guards;
  pages: PageContext;
}
