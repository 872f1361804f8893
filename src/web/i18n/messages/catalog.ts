/** Interface strings of the catalog pages. */
import { defineMessages } from '../define.js';

export const catalog = defineMessages(
  {
    title: 'catalog',
  },
  {
    vi: { title: 'catalog' },
    es: { title: 'catalog' },
  },
);
