import { describe, expect, it } from 'vitest';
import { decisionMail, expiryNoticeMail, isLimited, recourse, type RecourseContext } from './notices.js';

const office = { name: 'Public Works', email: 'publicworks@city.example', phone: '(714) 555-0100' };
const clerk = { name: 'City Clerk', email: 'cityclerk@city.example', phone: '(714) 555-0111' };
const context: RecourseContext = { office, clerk, recordsUrl: undefined };

const facts = {
  subject: 'the dataset “Crews” (crews)',
  reason: null,
  until: null,
  lowerTier: null,
  decidedBy: 'Sam Steward',
  requestUrl: 'https://data.city.example/access/requests/r1',
} as const;

describe('the ways to ask for more', () => {
  it('names the office, the City Clerk, the Public Records Act and agreements', () => {
    const [review, records, agreement] = recourse(context);
    expect(review).toContain('reply to Public Works (publicworks@city.example, (714) 555-0100)');
    expect(review).toContain('the City Clerk (cityclerk@city.example, (714) 555-0111)');
    expect(records).toContain('California Public Records Act');
    expect(records).toContain('7920.000');
    expect(records).toContain('within 10 days');
    expect(records).toContain('petition to the superior court');
    expect(records).toContain('File it with the City Clerk (cityclerk@city.example');
    expect(agreement).toContain('data-sharing agreement');
  });

  it('sends records requests to the records desk when the portal has one', () => {
    const [, records] = recourse({ ...context, recordsUrl: 'https://data.city.example/records' });
    expect(records).toContain('File it on the public records desk at https://data.city.example/records');
  });

  it('still says where to go when the catalog knows neither office', () => {
    const text = recourse({ office: undefined, clerk: undefined, recordsUrl: undefined }).join(' ');
    expect(text).toContain("the City Clerk's office at City Hall");
    expect(text).toContain('the office that decided');
  });

  it('calls a clerk by its title when the department has another name', () => {
    const [review] = recourse({ ...context, clerk: { name: 'Records Office', email: null, phone: null } });
    expect(review).toContain('the City Clerk, Records Office');
  });
});

describe('decision mail', () => {
  it('counts denials, end dates and lower tiers as limited', () => {
    expect(isLimited({ decision: 'approved', until: null, lowerTier: null })).toBe(false);
    expect(isLimited({ decision: 'approved', until: 'June 30, 2026', lowerTier: null })).toBe(true);
    expect(isLimited({ decision: 'approved', until: null, lowerTier: 'elevated' })).toBe(true);
    expect(isLimited({ decision: 'denied', until: null, lowerTier: null })).toBe(true);
  });

  it('keeps a plain approval short', () => {
    const mail = decisionMail({ ...facts, decision: 'approved' }, context);
    expect(mail.subject).toBe('Access request approved: the dataset “Crews” (crews)');
    expect(mail.body).not.toContain('What you can do next');
    expect(mail.body).toContain(facts.requestUrl);
  });

  it('gives a denial its reason and the ways to ask for more', () => {
    const mail = decisionMail({ ...facts, decision: 'denied', reason: 'Names employees.' }, context);
    expect(mail.body).toContain('was denied by Sam Steward');
    expect(mail.body).toContain('Reason: Names employees.');
    expect(mail.body).toContain('What you can do next:');
    expect(mail.body.match(/^- /gm)).toHaveLength(3);
  });

  it('says how long a limited approval lasts', () => {
    const mail = decisionMail({ ...facts, decision: 'approved', until: 'June 30, 2026' }, context);
    expect(mail.body).toContain('Your access lasts until the end of June 30, 2026.');
    expect(mail.body).toContain('Public Records Act');
  });
});

describe('expiry notices', () => {
  const agreement = {
    organization: 'Transit Lab',
    department: 'Public Works',
    endDate: 'Jul 1, 2026',
    datasets: ['Crews'],
  };
  it('counts the days left in words', () => {
    expect(expiryNoticeMail(agreement, 30).subject).toBe(
      'Data-sharing agreement ends in 30 days: Transit Lab',
    );
    expect(expiryNoticeMail(agreement, 1).subject).toContain('ends tomorrow');
    expect(expiryNoticeMail(agreement, 0).subject).toContain('ends today');
  });

  it('links the page only for the department', () => {
    expect(expiryNoticeMail(agreement, 7).body).not.toContain('The agreement:');
    expect(expiryNoticeMail({ ...agreement, url: 'https://x.example/a' }, 7).body).toContain(
      'The agreement: https://x.example/a',
    );
  });
});
