/** Where the app and the chart find the type of a sensor dataset's latest readings (it lives with the page). */
export type { LatestReading } from '../dataset/latest-readings.js';
