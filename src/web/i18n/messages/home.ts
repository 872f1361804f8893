/** Interface strings of the home pages. */
import { defineMessages } from '../define.js';

export const home = defineMessages(
  {
    title: 'home',
  },
  {
    vi: { title: 'home' },
    es: { title: 'home' },
  },
);
