/** Interface strings of the live pages. */
import { defineMessages } from '../define.js';

export const live = defineMessages(
  {
    title: 'live',
  },
  {
    vi: { title: 'live' },
    es: { title: 'live' },
  },
);
