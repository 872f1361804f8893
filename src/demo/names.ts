/** Invented names for the demo: local streets, contractors, people. Any likeness to a real one is chance. */
import type { Random } from './random.js';

// prettier-ignore
export const LOCAL_STREET_STEMS = [
  'Acacia', 'Alder', 'Almond', 'Amber', 'Anchor', 'Arbor', 'Aspen', 'Avalon', 'Bayberry', 'Beechwood',
  'Belmont', 'Birchwood', 'Bluebell', 'Briarwood', 'Brightwater', 'Brookside', 'Camellia', 'Canterbury',
  'Cardinal', 'Carob', 'Cascade', 'Cedarwood', 'Chestnut', 'Clover', 'Coral', 'Cottonwood', 'Cypress',
  'Daisy', 'Dogwood', 'Driftwood', 'Elmwood', 'Emerald', 'Fairview', 'Fernwood', 'Fieldstone', 'Foxglove',
  'Gardenia', 'Glenwood', 'Golden Oak', 'Greenleaf', 'Harbor Breeze', 'Hawthorne', 'Heather', 'Hibiscus',
  'Hillcrest', 'Holly', 'Ironwood', 'Ivy', 'Jasmine', 'Juniper', 'Kingsley', 'Lakeview', 'Larkspur',
  'Laurel', 'Lavender', 'Lemon Tree', 'Lilac', 'Linden', 'Lotus', 'Magnolia Park', 'Mallard', 'Maplewood',
  'Marigold', 'Meadowlark', 'Mesa Verde', 'Mimosa', 'Mission', 'Mockingbird', 'Montecito', 'Myrtle',
  'Nutmeg', 'Oakhurst', 'Orchard', 'Pacific', 'Palisade', 'Pepper Tree', 'Pinecrest', 'Plumwood',
  'Poppy', 'Primrose', 'Quail', 'Redwood', 'Ridgecrest', 'Rosewood', 'Saffron', 'Sagebrush', 'Sandpiper',
  'Seabreeze', 'Sequoia', 'Shadow Oak', 'Silverleaf', 'Skylark', 'Sparrow', 'Spruce', 'Starlight',
  'Sunflower', 'Sunset', 'Tamarind', 'Teakwood', 'Thistle', 'Topaz', 'Tulip', 'Valley View', 'Verbena',
  'Violet', 'Walnut', 'Wildflower', 'Willow', 'Wisteria', 'Woodbine', 'Wren', 'Yarrow', 'Yucca', 'Zinnia',
  'Belgrave', 'Cambridge', 'Dorset', 'Essex', 'Fulton', 'Greenwich', 'Hampton', 'Kensington', 'Lancaster',
  'Norfolk', 'Oxford', 'Preston', 'Richmond', 'Stratford', 'Surrey', 'Windsor', 'York',
] as const;

export const LOCAL_STREET_SUFFIXES = ['St', 'Ave', 'Ln', 'Dr', 'Cir', 'Pl', 'Way', 'Ct'] as const;

// prettier-ignore
const SURNAMES = [
  'Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vo', 'Dang', 'Bui', 'Do', 'Ngo', 'Garcia', 'Martinez', 'Lopez',
  'Hernandez', 'Gonzalez', 'Rodriguez', 'Perez', 'Sanchez', 'Ramirez', 'Torres', 'Smith', 'Johnson',
  'Williams', 'Brown', 'Miller', 'Davis', 'Anderson', 'Thompson', 'Kim', 'Park', 'Lee', 'Chen', 'Wong',
  'Patel', 'Shah', 'Morales', 'Reyes', 'Flores', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott',
] as const;

// prettier-ignore
const GIVEN_NAMES = [
  'Anh', 'Binh', 'Cuong', 'Dung', 'Hai', 'Hoa', 'Hung', 'Khanh', 'Lan', 'Linh', 'Long', 'Mai', 'Minh',
  'Nam', 'Ngoc', 'Phuong', 'Quang', 'Thanh', 'Thao', 'Trang', 'Tuan', 'Van', 'Vy', 'Maria', 'Jose',
  'Luis', 'Carmen', 'Ana', 'Carlos', 'Sofia', 'Miguel', 'James', 'Mary', 'Robert', 'Linda', 'Michael',
  'Karen', 'David', 'Susan', 'Daniel', 'Emily', 'Kevin', 'Jessica', 'Brian', 'Grace', 'Eric', 'Helen',
] as const;

/** An invented person's full name. */
export function personName(random: Random): string {
  return `${random.pick(GIVEN_NAMES)} ${random.pick(SURNAMES)}`;
}

export function surname(random: Random): string {
  return random.pick(SURNAMES);
}

// prettier-ignore
const CONTRACTOR_HEADS = [
  'Coastline', 'Pacific Crest', 'Harbor', 'Sunwise', 'Orange Coast', 'Golden State', 'Bolsa', 'SoCal',
  'Seaside', 'Evergreen', 'Summit', 'Bluewater', 'Westside', 'Silverline', 'Liberty', 'Canyon', 'Anchor',
  'Keystone', 'Brightpath', 'Redline', 'Shoreline', 'Trident', 'Mesa', 'Newport Bay', 'Saddleback',
] as const;

const CONTRACTOR_TAILS: Record<string, readonly string[]> = {
  general: ['Builders', 'Construction', 'Remodeling', 'Building Group', 'Contractors', 'Design & Build'],
  roofing: ['Roofing', 'Roofing & Gutters', 'Roof Systems'],
  solar: ['Solar', 'Solar Energy', 'Power Systems', 'Sun Power Installers'],
  electrical: ['Electric', 'Electrical Services', 'Electrical Contractors'],
  plumbing: ['Plumbing', 'Plumbing & Rooter', 'Mechanical'],
  pool: ['Pools', 'Pool & Spa', 'Aquatic Builders'],
  hvac: ['Heating & Air', 'HVAC', 'Air Conditioning'],
  sign: ['Signs', 'Sign Company', 'Graphics & Signs'],
  demolition: ['Demolition', 'Grading & Demolition'],
};

export type Trade = keyof typeof CONTRACTOR_TAILS;

/**
 * A pool of invented contractor firms per trade, each with a licence number. Built once per seed so that the
 * same firms appear again and again, as they do in real permit data.
 */
export function contractorPool(
  random: Random,
  size = 14,
): Record<string, { name: string; license: string }[]> {
  const pool: Record<string, { name: string; license: string }[]> = {};
  const taken = new Set<string>();
  for (const [trade, tails] of Object.entries(CONTRACTOR_TAILS)) {
    const firms: { name: string; license: string }[] = [];
    while (firms.length < size) {
      const name = random.chance(0.2)
        ? `${random.pick(SURNAMES)} & Sons ${random.pick(tails)}`
        : `${random.pick(CONTRACTOR_HEADS)} ${random.pick(tails)}${random.chance(0.35) ? ', Inc.' : ''}`;
      if (taken.has(name)) continue;
      taken.add(name);
      firms.push({ name, license: String(random.int(400_000, 1_120_000)) });
    }
    pool[trade] = firms;
  }
  return pool;
}
