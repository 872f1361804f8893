/** Interface strings of the chart pages. */
import { defineMessages } from '../define.js';

export const chart = defineMessages(
  {
    title: 'chart',
  },
  {
    vi: { title: 'chart' },
    es: { title: 'chart' },
  },
);
