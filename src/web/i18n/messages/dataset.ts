/** Interface strings of the dataset pages. */
import { defineMessages } from '../define.js';

export const dataset = defineMessages(
  {
    title: 'dataset',
  },
  {
    vi: { title: 'dataset' },
    es: { title: 'dataset' },
  },
);
