/**
 * Catalog entries for the sensor datasets. They carry no file: their observations arrive later, live, through
 * the sensor API (SensorThings and MQTT), so the demo only describes them.
 */
import { DAY, formatDate } from '../calendar.js';
import { datasetMeta, type DemoContext, type DemoDataset } from '../context.js';
import { STEWARDS } from '../departments.js';

const LIVE =
  'Live observations arrive through the sensor API (OGC SensorThings and MQTT); this catalog entry describes the feed and the history kept behind it.';

export function sensorDatasets(context: DemoContext): DemoDataset[] {
  // The network went live a while before "today", whenever today is.
  const since = { start: formatDate(context.today - 540 * DAY), end: null };
  const sensor = { kind: 'sensor' as const, update_frequency: 'continuous', temporal: since };
  return [
    {
      meta: datasetMeta(context, {
        ...sensor,
        id: 'parking-occupancy',
        title: 'Parking Occupancy (live)',
        category: 'parking',
        keywords: ['parking', 'occupancy', 'sensors', 'real-time', 'Little Saigon', 'Civic Center'],
        department: 'public-works',
        steward: STEWARDS.traffic,
        update_frequency: 'R/PT5M',
        spatial: [-118.0, 33.745, -117.965, 33.76],
        paragraphs: [
          `Whether each sensor-equipped parking space is free or occupied, and how full each lot and curb is. ${LIVE}`,
          'Each in-ground sensor reports a state change as it happens (free, occupied, unknown, out of service); every 5 minutes the gateway of each lot or block face reports how many of its spaces are occupied and how many are operational. The spaces, with their `sensor_id`, are listed in *Public Parking Spaces*.',
          'Caveats: a sensor can stick on "occupied" under a pile of leaves or a parked trailer; an aggregate with more occupied than operational spaces is invalid and flagged. Quality flags follow IOOS QARTOD (1 pass, 3 suspect, 4 fail, 9 missing).',
        ],
        method: 'the observations come from the demo simulator, not from real sensors.',
      }),
    },
    {
      meta: datasetMeta(context, {
        ...sensor,
        id: 'traffic-counts',
        title: 'Traffic Counts and Speeds (live)',
        category: 'traffic',
        keywords: ['traffic counts', 'vehicle speeds', 'detectors', 'real-time', 'arterials'],
        department: 'public-works',
        steward: STEWARDS.traffic,
        paragraphs: [
          `Vehicle counts and mean speeds from loop and radar detectors at signalized intersections on the arterials (Beach Blvd, Bolsa Ave, Magnolia St, Brookhurst St and others). ${LIVE}`,
          'Detectors report per approach every 5 minutes (the vehicles counted in the bin and their mean speed); Plaza rolls the counts up into hourly and daily totals.',
          'Caveats: detectors drop out (gaps), report zeros when a loop is cut during roadwork, and get stuck; all observations carry QARTOD quality flags. Counts are vehicles per bin, speeds miles per hour.',
        ],
        method: 'the observations come from the demo simulator, not from real detectors.',
      }),
    },
    {
      meta: datasetMeta(context, {
        ...sensor,
        id: 'air-quality',
        title: 'Air Quality (live)',
        category: 'environment',
        keywords: ['air quality', 'PM2.5', 'ozone', 'NO2', 'sensors', 'real-time'],
        department: 'information-technology',
        steward: STEWARDS.gis,
        paragraphs: [
          `Air quality measured across the city: fine particles (PM2.5 and PM10) every one to two minutes from low-cost sensors, ozone (O3) and nitrogen dioxide (NO2) hourly from reference-grade monitors, with temperature and relative humidity. ${LIVE}`,
          'Concentrations are in micrograms per cubic meter (PM) and parts per billion (O3, NO2), temperature in degrees Celsius, humidity in percent. Plaza applies QARTOD tests (gross range, spike, rate of change, flat line) and keeps every raw value beside its flags.',
          'Caveats: low-cost PM sensors read high in humid air and are not regulatory measurements; for official air quality see the South Coast Air Quality Management District.',
        ],
        method: 'the observations come from the demo simulator, not from real monitors.',
      }),
    },
    {
      meta: datasetMeta(context, {
        ...sensor,
        id: 'noise-levels',
        title: 'Noise Levels (live)',
        category: 'environment',
        keywords: ['noise', 'sound levels', 'LAeq', 'sensors', 'real-time'],
        department: 'information-technology',
        steward: STEWARDS.gis,
        paragraphs: [
          `Sound levels as A-weighted equivalent continuous level (LAeq, in dB(A)) per minute from sound level meters near arterials, parks and the Civic Center. ${LIVE}`,
          'Levels typically range from 45 dB(A) at night in the neighborhoods to 80 dB(A) beside a busy arterial at rush hour; the daily cycle follows traffic. The meters record levels only, never audio.',
          'Caveats: construction, events and a leaf blower next to a meter produce spikes; wind and rain raise readings. Values carry QARTOD quality flags.',
        ],
        method: 'the observations come from the demo simulator, not from real meters.',
      }),
    },
  ];
}
