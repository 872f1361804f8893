/**
 * What the demo's sensors measure, in what unit, with which instrument. Units name their UCUM code through the
 * OGC definition server; observed properties point at public vocabularies (EEA air pollutants, CF standard
 * names, ISO 1996-1 for noise, the FHWA Traffic Monitoring Guide) where one exists.
 */
import type { ObservedPropertyInput, SensorInput, UnitOfMeasurement } from '../../sensors/model.js';

/** Every kind of stream the network has. */
export type StreamKind =
  | 'state'
  | 'occupied'
  | 'operational'
  | 'vehicles'
  | 'speed'
  | 'pm25'
  | 'pm10'
  | 'o3'
  | 'no2'
  | 'temperature'
  | 'humidity'
  | 'laeq';

const ucum = (name: string, symbol: string, code: string): UnitOfMeasurement => ({
  name,
  symbol,
  definition: `http://www.opengis.net/def/uom/UCUM/0/${encodeURIComponent(code)}`,
});

const NO_UNIT: UnitOfMeasurement = { name: null, symbol: null, definition: null };
const EEA = 'http://dd.eionet.europa.eu/vocabulary/aq/pollutant/';
const CF = 'http://vocab.nerc.ac.uk/standard_name/';
const TMG = 'https://www.fhwa.dot.gov/policyinformation/tmguide/';

export interface KindVocabulary {
  observationType: 'OM_Measurement' | 'OM_CountObservation' | 'OM_CategoryObservation';
  unit: UnitOfMeasurement;
  property: ObservedPropertyInput;
  sensor: SensorInput;
  /** Short label used in datastream names ("PM2.5", "vehicle count"). */
  label: string;
}

const PARKING_SENSOR: SensorInput = {
  name: 'In-ground parking sensor',
  description:
    'Battery-powered magnetometer and radar puck glued into the stall; reports a state change within seconds.',
  encodingType: 'text/html',
  metadata: 'https://en.wikipedia.org/wiki/Parking_sensor',
};
const LOT_COUNTER: SensorInput = {
  name: 'Parking gateway counter',
  description:
    'The lot or block-face gateway that collects its stall sensors and counts occupied and working stalls every 5 minutes.',
  encodingType: 'text/html',
  metadata: 'https://en.wikipedia.org/wiki/Parking_guidance_and_information',
};
const DETECTOR: SensorInput = {
  name: 'Inductive loop and radar vehicle detector',
  description:
    'Stop-bar and advance detection at a signalized intersection, binned every 5 minutes per approach.',
  encodingType: 'text/html',
  metadata: TMG,
};
const PM_SENSOR: SensorInput = {
  name: 'Low-cost optical particle counter',
  description: 'Laser-scattering PM sensor; reads high in humid air (no drying inlet).',
  encodingType: 'text/html',
  metadata: 'https://www.aqmd.gov/aq-spec',
};
const GAS_MONITOR: SensorInput = {
  name: 'Ozone and nitrogen dioxide monitor',
  description: 'UV photometric ozone and chemiluminescence NO2 analyzers reporting hourly averages.',
  encodingType: 'text/html',
  metadata: 'https://www.epa.gov/amtic',
};
const MET_PROBE: SensorInput = {
  name: 'Temperature and humidity probe',
  description: 'Capacitive humidity and thermistor probe in a radiation shield.',
  encodingType: 'text/html',
  metadata: 'https://en.wikipedia.org/wiki/Hygrometer',
};
const SOUND_METER: SensorInput = {
  name: 'Class 1 sound level meter',
  description:
    'Outdoor noise monitor (IEC 61672-1 class 1) logging LAeq per minute; records levels, never audio.',
  encodingType: 'text/html',
  metadata: 'https://en.wikipedia.org/wiki/Sound_level_meter',
};

export const VOCABULARY: Record<StreamKind, KindVocabulary> = {
  state: {
    observationType: 'OM_CategoryObservation',
    unit: NO_UNIT,
    label: 'state',
    property: {
      name: 'Parking space state',
      definition: 'free | occupied | unknown | out_of_service',
      description:
        'Whether a stall is free or occupied; unknown when the sensor cannot tell, out_of_service when the stall is closed.',
    },
    sensor: PARKING_SENSOR,
  },
  occupied: {
    observationType: 'OM_CountObservation',
    unit: ucum('parking space', 'spaces', '{spaces}'),
    label: 'occupied spaces',
    property: {
      name: 'Occupied parking spaces',
      definition: 'count of stalls of a lot or block face whose sensor reports occupied',
      description: 'Stalls whose sensor reports them occupied.',
    },
    sensor: LOT_COUNTER,
  },
  operational: {
    observationType: 'OM_CountObservation',
    unit: ucum('parking space', 'spaces', '{spaces}'),
    label: 'operational spaces',
    property: {
      name: 'Operational parking spaces',
      definition: 'count of stalls of a lot or block face that are open and whose sensor works',
      description:
        'Stalls whose sensor works and that are open (free or occupied); occupied above operational means the figure is invalid.',
    },
    sensor: LOT_COUNTER,
  },
  vehicles: {
    observationType: 'OM_CountObservation',
    unit: ucum('vehicles per 5 minutes', 'veh/5 min', '{vehicles}/(5.min)'),
    label: 'vehicle count',
    property: {
      name: 'Vehicle count',
      definition: TMG,
      description: 'Vehicles crossing the detectors of one approach during the bin.',
    },
    sensor: DETECTOR,
  },
  speed: {
    observationType: 'OM_Measurement',
    unit: ucum('mile per hour', 'mph', '[mi_i]/h'),
    label: 'mean speed',
    property: {
      name: 'Mean vehicle speed',
      definition: TMG,
      description: 'Arithmetic mean speed of the vehicles counted in the bin (none when no vehicle passed).',
    },
    sensor: DETECTOR,
  },
  pm25: {
    observationType: 'OM_Measurement',
    unit: ucum('microgram per cubic meter', 'µg/m³', 'ug/m3'),
    label: 'PM2.5',
    property: {
      name: 'PM2.5',
      definition: `${EEA}6001`,
      description: 'Mass concentration of particles up to 2.5 µm.',
    },
    sensor: PM_SENSOR,
  },
  pm10: {
    observationType: 'OM_Measurement',
    unit: ucum('microgram per cubic meter', 'µg/m³', 'ug/m3'),
    label: 'PM10',
    property: {
      name: 'PM10',
      definition: `${EEA}5`,
      description: 'Mass concentration of particles up to 10 µm.',
    },
    sensor: PM_SENSOR,
  },
  o3: {
    observationType: 'OM_Measurement',
    unit: ucum('part per billion', 'ppb', '[ppb]'),
    label: 'O3',
    property: { name: 'Ozone (O3)', definition: `${EEA}7`, description: 'Hourly mean ozone mixing ratio.' },
    sensor: GAS_MONITOR,
  },
  no2: {
    observationType: 'OM_Measurement',
    unit: ucum('part per billion', 'ppb', '[ppb]'),
    label: 'NO2',
    property: {
      name: 'Nitrogen dioxide (NO2)',
      definition: `${EEA}8`,
      description: 'Hourly mean nitrogen dioxide mixing ratio.',
    },
    sensor: GAS_MONITOR,
  },
  temperature: {
    observationType: 'OM_Measurement',
    unit: ucum('degree Celsius', '°C', 'Cel'),
    label: 'temperature',
    property: { name: 'Air temperature', definition: `${CF}air_temperature/` },
    sensor: MET_PROBE,
  },
  humidity: {
    observationType: 'OM_Measurement',
    unit: ucum('percent', '%', '%'),
    label: 'relative humidity',
    property: { name: 'Relative humidity', definition: `${CF}relative_humidity/` },
    sensor: MET_PROBE,
  },
  laeq: {
    observationType: 'OM_Measurement',
    unit: ucum('decibel (A-weighted)', 'dB(A)', 'dB'),
    label: 'LAeq',
    property: {
      name: 'Equivalent continuous sound level, A-weighted (LAeq)',
      definition: 'https://www.iso.org/standard/59765.html',
      description: 'LAeq over one minute (ISO 1996-1).',
    },
    sensor: SOUND_METER,
  },
};
