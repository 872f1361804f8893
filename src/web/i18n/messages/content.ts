/** Interface strings of the content pages. */
import { defineMessages } from '../define.js';

export const content = defineMessages(
  {
    title: 'content',
  },
  {
    vi: { title: 'content' },
    es: { title: 'content' },
  },
);
