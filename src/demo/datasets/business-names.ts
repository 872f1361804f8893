/**
 * Business sectors for the licence table, with NAICS codes and name patterns. Little Saigon's shops carry
 * Vietnamese names, with their diacritics (UTF-8, NFC). All names are invented.
 */
import { surname } from '../names.js';
import type { Random } from '../random.js';

// prettier-ignore
const VIETNAMESE = [
  'Sài Gòn', 'Hòa Bình', 'Thanh Bình', 'Hương Giang', 'Bến Thành', 'Kim Long', 'Phú Quý', 'Hồng Phát',
  'Ngọc Lan', 'Như Ý', 'Tân Định', 'Bông Sen', 'Thăng Long', 'Huế', 'Cần Thơ', 'Mỹ Tho', 'Nha Trang',
  'Đà Lạt', 'Hội An', 'Vĩnh Long', 'Phước Lộc', 'An Khang', 'Thịnh Vượng', 'Minh Châu', 'Hạnh Phúc',
  'Quê Hương', 'Lộc Phát', 'Kim Hoa', 'Thủy Tiên', 'Mai Anh', 'Hoàng Gia', 'Sông Hương', 'Bạch Đằng',
] as const;

const VIETNAMESE_SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Ngô',
] as const;

// prettier-ignore
const ENGLISH = [
  'Bolsa', 'Golden West', 'Harbor', 'Pacific', 'Westminster', 'Coastal', 'Sunrise', 'Lotus', 'Jade',
  'Orange County', 'Magnolia', 'Seaside', 'Evergreen', 'Blue Sky', 'Bayside', 'Liberty', 'Crown', 'Royal',
] as const;

export interface Sector {
  naics: string;
  naicsTitle: string;
  licenseType: string;
  /** Relative frequency in Little Saigon, elsewhere on commercial streets, and as home businesses. */
  weights: [number, number, number];
  vietnamese: readonly string[];
  english: readonly string[];
}

const sector = (
  naics: string,
  naicsTitle: string,
  licenseType: string,
  weights: [number, number, number],
  vietnamese: readonly string[],
  english: readonly string[],
): Sector => ({ naics, naicsTitle, licenseType, weights, vietnamese, english });

/** `{V}` is a Vietnamese name, `{E}` an English one, `{S}` a surname. */
// prettier-ignore
export const SECTORS: readonly Sector[] = [
  sector('722511', 'Full-Service Restaurants', 'Restaurant / Food Service', [10, 6, 0], ['Nhà Hàng {V}', 'Phở {V}', 'Bún Bò Huế {V}', 'Cơm Tấm {V}', 'Quán {V}'], ['{E} Grill', '{E} Kitchen', "{S}'s Family Restaurant", 'Taqueria {E}']),
  sector('722513', 'Limited-Service Restaurants', 'Restaurant / Food Service', [8, 6, 0], ['Bánh Mì {V}', 'Phở {V} Express', 'Xôi Chè {V}'], ['{E} Burgers', '{E} Pizza', '{E} Teriyaki']),
  sector('722515', 'Snack and Nonalcoholic Beverage Bars', 'Restaurant / Food Service', [6, 4, 0], ['Cà Phê {V}', 'Chè {V}', 'Trà Sữa {V}'], ['{E} Boba & Tea', '{E} Coffee House', '{E} Donuts']),
  sector('311811', 'Retail Bakeries', 'Restaurant / Food Service', [4, 1, 0], ['Tiệm Bánh {V}', 'Bánh Cuốn {V}'], ['{E} Bakery']),
  sector('448310', 'Jewelry Stores', 'Retail', [6, 1, 0], ['Tiệm Vàng {V}', 'Kim Hoàn {V}'], ['{E} Jewelry']),
  sector('812113', 'Nail Salons', 'Personal Services', [6, 5, 1], ['{V} Nails & Spa'], ['{E} Nails', '{E} Nail Lounge']),
  sector('812112', 'Beauty Salons', 'Personal Services', [5, 4, 1], ['Salon {V}', 'Thẩm Mỹ Viện {V}'], ['{E} Hair Studio', 'Salon {E}']),
  sector('621210', 'Offices of Dentists', 'Medical', [4, 3, 0], ['Nha Khoa {V}', 'Nha Khoa {S}, DDS'], ['{E} Dental Group', '{S} Family Dentistry']),
  sector('621111', 'Offices of Physicians', 'Medical', [4, 3, 0], ['Phòng Mạch Bác Sĩ {S}'], ['{E} Family Medicine', '{E} Medical Group, Inc.']),
  sector('524210', 'Insurance Agencies and Brokerages', 'Professional Services', [3, 2, 1], ['Bảo Hiểm {V}'], ['{S} Insurance Agency']),
  sector('541110', 'Offices of Lawyers', 'Professional Services', [3, 2, 0], ['Văn Phòng Luật Sư {S}'], ['{S} Law Group', '{S} & {S}, Attorneys at Law']),
  sector('541213', 'Tax Preparation Services', 'Professional Services', [3, 2, 2], ['Dịch Vụ Thuế {V}'], ['{E} Tax Services']),
  sector('445110', 'Supermarkets and Grocery Stores', 'Retail', [3, 2, 0], ['Chợ {V}', 'Siêu Thị {V}'], ['{E} Market', '{E} Supermarket']),
  sector('451211', 'Book Stores', 'Retail', [2, 0.3, 0], ['Nhà Sách {V}', 'Băng Nhạc {V}'], ['{E} Books']),
  sector('811111', 'General Automotive Repair', 'Automotive', [1, 6, 0], ['Sửa Xe {V}'], ['{E} Auto Repair', '{E} Smog & Brakes', "{S}'s Auto Service"]),
  sector('531210', 'Offices of Real Estate Agents and Brokers', 'Professional Services', [2, 2, 2], ['Địa Ốc {V}'], ['{S} Realty', '{E} Properties']),
  sector('236118', 'Residential Remodelers', 'Contractor', [0, 1, 3], ['Xây Dựng {V}'], ['{E} Builders', '{S} Construction']),
  sector('561720', 'Janitorial Services', 'Home Occupation', [0, 0.5, 3], ['Vệ Sinh {V}'], ['{E} Cleaning Services']),
  sector('454110', 'Electronic Shopping', 'Home Occupation', [0, 0, 4], ['{V} Online'], ['{E} Goods Online', '{S} Trading Co.']),
  sector('611691', 'Exam Preparation and Tutoring', 'Home Occupation', [1, 1, 2], ['Trung Tâm {V}'], ['{E} Learning Center', '{E} Tutoring']),
  sector('423690', 'Electronic Parts Wholesalers', 'Wholesale', [0.5, 1.5, 0.5], ['{V} Trading'], ['{E} Electronics Supply']),
  sector('812320', 'Drycleaning and Laundry Services', 'Personal Services', [1, 2, 0], ['Giặt Ủi {V}'], ['{E} Cleaners', '{E} Coin Laundry']),
];

/** A business name from a sector's patterns; `vietnamese` picks the Vietnamese-language patterns. */
export function businessName(random: Random, sector: Sector, vietnamese: boolean): string {
  const inVietnamese = vietnamese && sector.vietnamese.length > 0;
  return random
    .pick(inVietnamese ? sector.vietnamese : sector.english)
    .replace(/\{V\}/g, () => random.pick(VIETNAMESE))
    .replace(/\{E\}/g, () => random.pick(ENGLISH))
    .replace(/\{S\}/g, () => (inVietnamese ? random.pick(VIETNAMESE_SURNAMES) : surname(random)))
    .normalize('NFC');
}
