/**
 * Quality control defaults for the demo's observed properties: thresholds from the instruments' ranges, the
 * city's climate and what the demo's clean data does (measured over a month of the network: the largest clean
 * spike size, the longest clean run of one value), each with room to spare so good data is rarely flagged.
 * Every number says why. A datastream or observed property with its own `properties.qc` replaces these.
 */
import type { QcConfig } from './qc.types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The demo city's zone: climatology months and hours are local. */
const CITY_ZONE = 'America/Los_Angeles';

/**
 * Timing by reporting interval. Suspect: later than a few intervals (a device sends 1–4 s after its reading;
 * a late message comes up to 4 intervals later and is worth a note, not a failure). Fail: a clock on local time
 * instead of UTC is 7 or 8 hours off here, while a device that buffered through a short outage uploads within
 * about 3 hours. Gap: silence that a steward should hear of (about 15 missed readings, at least 30 minutes).
 */
const EVERY_MINUTE = { maxLatencyMs: 10 * MINUTE, failLatencyMs: 3 * HOUR, gapMs: 15 * MINUTE };
const EVERY_5_MINUTES = { maxLatencyMs: 30 * MINUTE, failLatencyMs: 3 * HOUR, gapMs: 30 * MINUTE };
/** Hourly means: a late hourly message can be 4 hours late, so fail only past 6 hours (a wrong zone is 7–8). */
const HOURLY = { maxLatencyMs: 2 * HOUR, failLatencyMs: 6 * HOUR, gapMs: 3 * HOUR };

interface Entry {
  /** Observed property definitions (URLs, or the demo's defining phrase), compared without case or end slash. */
  definitions: string[];
  /** Names, for properties without a known definition (and to tell apart two that share one). */
  names: string[];
  config: QcConfig;
}

const EEA = 'http://dd.eionet.europa.eu/vocabulary/aq/pollutant/';
const CF = 'http://vocab.nerc.ac.uk/standard_name/';
const TMG = 'https://www.fhwa.dot.gov/policyinformation/tmguide/';

const ENTRIES: Entry[] = [
  {
    definitions: [`${EEA}6001`],
    names: ['PM2.5', 'PM 2.5', 'Fine particulate matter'],
    config: {
      // Optical counters saturate near 1000 µg/m³; above 500 is past the top of the AQI scale (wildfire smoke
      // reaches it, city air otherwise does not).
      grossRange: { fail: [0, 1000], suspect: [0, 500] },
      // Clean minute data stands out from its neighbours by at most about 15 µg/m³; a glitch adds 20 and more.
      spike: { suspect: 20, fail: 50 },
      // Exactly the same value for an hour never happens in clean data (longest: 3 minutes); 2 hours is stuck.
      flatLine: { tolerance: 0, suspectAfterMs: HOUR, failAfterMs: 2 * HOUR },
      timing: EVERY_MINUTE,
    },
  },
  {
    definitions: [`${EEA}5`],
    names: ['PM10', 'PM 10', 'Coarse particulate matter'],
    config: {
      // Optical counters read up to about 1000 µg/m³; the PM10 AQI scale ends at 604.
      grossRange: { fail: [0, 1000], suspect: [0, 600] },
      // Coarse dust is noisier than PM2.5: clean minutes stand out by up to about 26 µg/m³.
      spike: { suspect: 30, fail: 80 },
      flatLine: { tolerance: 0, suspectAfterMs: HOUR, failAfterMs: 2 * HOUR },
      timing: EVERY_MINUTE,
    },
  },
  {
    definitions: [`${EEA}7`],
    names: ['Ozone (O3)', 'Ozone', 'O3'],
    config: {
      // UV photometers measure 0–1000 ppb; 200 ppb in an hour is beyond anything this coast has seen in decades.
      grossRange: { fail: [0, 1000], suspect: [0, 200] },
      // No sunlight, no ozone production: at night hourly ozone stays below about 80 ppb even inland in summer.
      climatology: {
        periods: [{ months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], hours: [21, 6], range: [0, 80] }],
        timeZone: CITY_ZONE,
      },
      // Hourly means move smoothly: clean hours stand out by at most about 8 ppb.
      spike: { suspect: 12, fail: 30 },
      // At its detection limit at night an analyzer can repeat one value for 2 hours (seen in clean data).
      flatLine: { tolerance: 0, suspectAfterMs: 4 * HOUR, failAfterMs: 6 * HOUR },
      timing: HOURLY,
    },
  },
  {
    definitions: [`${EEA}8`],
    names: ['Nitrogen dioxide (NO2)', 'Nitrogen dioxide', 'NO2'],
    config: {
      // Chemiluminescence analyzers measure 0–1000 ppb; the 1-hour standard is 100 ppb, a city street 2x that.
      grossRange: { fail: [0, 1000], suspect: [0, 200] },
      spike: { suspect: 12, fail: 30 },
      // Same detection-limit plateaus as ozone (clean data repeats 1 ppb for 2 hours).
      flatLine: { tolerance: 0, suspectAfterMs: 4 * HOUR, failAfterMs: 6 * HOUR },
      timing: HOURLY,
    },
  },
  {
    definitions: [`${CF}air_temperature/`],
    names: ['Air temperature', 'Temperature'],
    config: {
      // Shielded thermistors measure -40 to 60 °C; the city's records are about -3 and 45 °C.
      grossRange: { fail: [-40, 60], suspect: [-5, 46] },
      // Seasons with a margin over the local records (winter nights are mild on this coast).
      climatology: {
        periods: [
          { months: [12, 1, 2], range: [-5, 33] },
          { months: [3, 4, 5], range: [-2, 40] },
          { months: [6, 7, 8, 9], range: [5, 46] },
          { months: [10, 11], range: [-2, 43] },
        ],
        timeZone: CITY_ZONE,
      },
      // Air temperature changes by tenths a minute (clean spikes at most 0.3 °C); a glitch jumps degrees.
      spike: { suspect: 3, fail: 6 },
      // A front or the sun on the shield moves air temperature at most about 2 °C in a minute.
      rateOfChange: { threshold: 2 / 60 },
      // Clean minutes never repeat one value for more than about 20 minutes.
      flatLine: { tolerance: 0, suspectAfterMs: HOUR, failAfterMs: 2 * HOUR },
      timing: EVERY_MINUTE,
    },
  },
  {
    definitions: [`${CF}relative_humidity/`],
    names: ['Relative humidity', 'Humidity'],
    config: {
      // Capacitive sensors read a little above 100% when wet (suspect); far outside 0–105 is a broken probe.
      // Offshore (Santa Ana) winds can dry the air to a few percent.
      grossRange: { fail: [0, 105], suspect: [2, 100] },
      // Clean minutes stand out by at most 2 points; a glitch adds 25 or more.
      spike: { suspect: 5, fail: 15 },
      // Fog holds a sensor at 100% for a while: wait longer than for temperature.
      flatLine: { tolerance: 0, suspectAfterMs: 2 * HOUR, failAfterMs: 3 * HOUR },
      timing: EVERY_MINUTE,
    },
  },
  {
    definitions: ['https://www.iso.org/standard/59765.html'],
    names: ['Equivalent continuous sound level, A-weighted (LAeq)', 'LAeq', 'Noise level'],
    config: {
      // Class 1 meters measure about 20–140 dB(A); a city minute outside 30–110 dB(A) needs a look.
      grossRange: { fail: [20, 140], suspect: [30, 110] },
      // A siren or a horn can truly raise one minute by 10 dB and more: suspect only until 30 dB.
      spike: { suspect: 10, fail: 30 },
      // Minute levels always move (clean data repeats a value for at most 4 minutes).
      flatLine: { tolerance: 0, suspectAfterMs: HOUR, failAfterMs: 2 * HOUR },
      timing: EVERY_MINUTE,
    },
  },
  {
    definitions: [TMG],
    names: ['Vehicle count'],
    config: {
      // A lane carries at most about 200 vehicles in 5 minutes, an approach at most 4 lanes here.
      grossRange: { fail: [0, 1500], suspect: [0, 600] },
      // Counts are noisy at rush hour (clean bins stand out by up to about 57); a glitch adds far more.
      spike: { suspect: 60, fail: 150 },
      // A quiet approach at 3 am can repeat a small count (0 included) for a while; 3 hours of one count is stuck.
      flatLine: { tolerance: 0, suspectAfterMs: 2 * HOUR, failAfterMs: 3 * HOUR },
      timing: EVERY_5_MINUTES,
    },
  },
  {
    definitions: [TMG],
    names: ['Mean vehicle speed'],
    config: {
      // Radar reads up to 200 mph; on city arterials (35–50 mph limits) a 5-minute mean above 90 is not real.
      grossRange: { fail: [0, 200], suspect: [0, 90] },
      // With two cars in a night bin the mean jumps: clean bins stand out by up to about 35 mph.
      spike: { suspect: 35, fail: 60 },
      // Speeds vary bin to bin (clean data repeats a mean for at most 10 minutes).
      flatLine: { tolerance: 0, suspectAfterMs: HOUR, failAfterMs: 2 * HOUR },
      timing: EVERY_5_MINUTES,
    },
  },
  {
    definitions: ['count of stalls of a lot or block face whose sensor reports occupied'],
    names: ['Occupied parking spaces'],
    config: {
      // A count is never negative; no lot or block face has thousands of sensor stalls.
      grossRange: { fail: [0, 5000] },
      // Lots empty out at night (no parking 2–5 am) and a small block face can stay full or empty for hours:
      // clean data holds one count for up to 10 hours, so only a day-long plateau is a stuck gateway.
      flatLine: { tolerance: 0, suspectAfterMs: 12 * HOUR, failAfterMs: 24 * HOUR },
      timing: EVERY_5_MINUTES,
    },
  },
  {
    definitions: ['count of stalls of a lot or block face that are open and whose sensor works'],
    names: ['Operational parking spaces'],
    config: {
      // Working stalls stay the same for weeks: no flat-line test. Counts are never negative.
      grossRange: { fail: [0, 5000] },
      timing: EVERY_5_MINUTES,
    },
  },
  {
    definitions: ['free | occupied | unknown | out_of_service'],
    names: ['Parking space state'],
    config: {
      // States are words: only timing applies. A stall reports changes only (a car coming or going), so
      // silence is normal overnight and on a quiet day: two days without a change before it counts as a gap.
      // Late state messages come up to 8 minutes after the change.
      timing: { maxLatencyMs: 10 * MINUTE, failLatencyMs: 3 * HOUR, gapMs: 48 * HOUR },
    },
  },
];

const normal = (text: string) => text.trim().toLowerCase().replace(/\/+$/, '');

/**
 * The default configuration for an observed property, matched by its definition URL, else by its name
 * (case-insensitive); undefined when Plaza knows no sensible default (nothing is evaluated then). Two
 * properties sharing a definition (vehicle count and mean speed both cite the FHWA guide) are told apart by
 * name. Returns a fresh copy the caller may keep.
 */
export function defaultQcConfig(observedProperty: {
  name: string;
  definition?: string | null;
}): QcConfig | undefined {
  const name = normal(observedProperty.name);
  const definition = observedProperty.definition ? normal(observedProperty.definition) : '';
  const byDefinition = definition
    ? ENTRIES.filter((entry) => entry.definitions.some((d) => normal(d) === definition))
    : [];
  const byName = (entry: Entry) => entry.names.some((n) => normal(n) === name);
  const found =
    byDefinition.length === 1 ? byDefinition[0] : (byDefinition.find(byName) ?? ENTRIES.find(byName));
  return found ? structuredClone(found.config) : undefined;
}

/** Every default, for the documentation and tests. */
export const QC_DEFAULTS: readonly { names: readonly string[]; config: QcConfig }[] = ENTRIES;
