/** Interface strings of the map pages. */
import { defineMessages } from '../define.js';

export const map = defineMessages(
  {
    title: 'map',
  },
  {
    vi: { title: 'map' },
    es: { title: 'map' },
  },
);
