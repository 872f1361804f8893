/** The city departments that steward the demo datasets, and their data stewards (teams, not people). */
import type { DepartmentInput } from '../catalog/catalog.schema.js';

const DOMAIN = 'westminster-ca.example';
const MAIN_LINE = '(714) 898-3311';

const department = (id: string, name: string, mailbox: string, extension: string, description: string) =>
  ({
    id,
    name,
    description,
    email: `${mailbox}@${DOMAIN}`,
    phone: extension ? `${MAIN_LINE} ext. ${extension}` : MAIN_LINE,
  }) satisfies DepartmentInput;

export const DEPARTMENTS = [
  department(
    'community-development',
    'Community Development',
    'communitydevelopment',
    '361',
    'Planning, Building & Safety, Code Enforcement and Housing: land use, zoning, permits and inspections, and the upkeep of neighborhoods.',
  ),
  department(
    'public-works',
    'Public Works',
    'publicworks',
    '241',
    'Engineering, Traffic and Maintenance: streets, sidewalks, street lights, traffic signals, storm drains, the water system, street trees and the capital improvement program.',
  ),
  department(
    'community-services',
    'Community Services (Parks & Recreation)',
    'communityservices',
    '221',
    'Parks, community centers, recreation programs, senior services and city events.',
  ),
  department(
    'finance',
    'Finance',
    'finance',
    '271',
    'Budget, accounting, purchasing, revenue and business licensing.',
  ),
  department(
    'police',
    'Police',
    'police',
    '',
    'The Westminster Police Department: patrol, traffic, investigations and records. Emergencies: call 911.',
  ),
  department(
    'city-clerk',
    'City Clerk',
    'cityclerk',
    '211',
    'Council agendas and minutes, elections, the city records program and public records requests.',
  ),
  department(
    'information-technology',
    'Information Technology',
    'it',
    '281',
    'City networks and systems, GIS, the open data program and the sensor network.',
  ),
] as const;

export type DepartmentId = (typeof DEPARTMENTS)[number]['id'];

export interface Steward {
  name: string;
  email: string;
  phone: string;
}

const steward = (name: string, mailbox: string, extension: string): Steward => ({
  name,
  email: `${mailbox}@${DOMAIN}`,
  phone: `${MAIN_LINE} ext. ${extension}`,
});

/** Data stewards: the team that answers questions about a dataset. */
export const STEWARDS = {
  building: steward('Building & Safety Division', 'building', '362'),
  planning: steward('Planning Division', 'planning', '364'),
  codeEnforcement: steward('Code Enforcement Division', 'codeenforcement', '366'),
  engineering: steward('Engineering Division', 'engineering', '243'),
  traffic: steward('Traffic Engineering', 'traffic', '245'),
  maintenance: steward('Public Works Maintenance', 'maintenance', '247'),
  customerService: steward('Public Works Customer Service', 'servicerequests', '249'),
  parks: steward('Parks & Recreation', 'parks', '223'),
  licensing: steward('Business License Office', 'businesslicense', '273'),
  budget: steward('Budget Office', 'budget', '275'),
  clerk: steward('Office of the City Clerk', 'cityclerk', '211'),
  gis: steward('GIS and Open Data Team', 'opendata', '283'),
  policeRecords: steward('Police Records Bureau', 'policerecords', '291'),
} as const;
