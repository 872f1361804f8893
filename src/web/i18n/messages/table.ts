/** Interface strings of the table pages. */
import { defineMessages } from '../define.js';

export const table = defineMessages(
  {
    title: 'table',
  },
  {
    vi: { title: 'table' },
    es: { title: 'table' },
  },
);
