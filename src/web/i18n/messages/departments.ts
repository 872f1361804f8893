/** Interface strings of the departments pages. */
import { defineMessages } from '../define.js';

export const departments = defineMessages(
  {
    title: 'departments',
  },
  {
    vi: { title: 'departments' },
    es: { title: 'departments' },
  },
);
