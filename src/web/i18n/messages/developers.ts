/** Interface strings of the developers pages. */
import { defineMessages } from '../define.js';

export const developers = defineMessages(
  {
    title: 'developers',
  },
  {
    vi: { title: 'developers' },
    es: { title: 'developers' },
  },
);
