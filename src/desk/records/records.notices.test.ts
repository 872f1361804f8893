import { describe, expect, it } from 'vitest';
import { inertText, logCsvLine } from './records.csv.js';
import { acknowledgementMail, denialMail, extensionText, longDate, reminderMail } from './records.notices.js';

const ctx = {
  cityName: 'Westminster',
  clerk: { name: 'Office of the City Clerk', title: 'City Clerk', email: 'clerk@city.example' },
};

describe('the desk’s notices', () => {
  it('writes dates as people read them', () => {
    expect(longDate('2026-03-12')).toBe('Thursday, March 12, 2026');
  });

  it('acknowledges with the number, the due date and the private link, once', () => {
    const mail = acknowledgementMail(
      { ...ctx, followUrl: 'https://data.city.example/records/follow/abc' },
      { number: 'R26-0001', description: 'Pothole work orders.', dueDate: '2026-03-12' },
    );
    expect(mail.subject).toContain('R26-0001');
    expect(mail.body).toContain('Thursday, March 12, 2026 (11:59 pm)');
    expect(mail.body).toContain('https://data.city.example/records/follow/abc');
    expect(mail.body).toContain('7922.535');
  });

  it('states the extension’s reason from the statute, its days and the new date', () => {
    const text = extensionText({
      reason: 'consultation',
      days: 1,
      dueDate: '2026-03-13',
      notice: 'Finance holds part of the records.',
      by: 'Wren Works',
    });
    expect(text).toContain('extended by 1 day, to Friday, March 13, 2026');
    expect(text).toContain('consultation');
    expect(text).toContain('Finance holds part of the records.');
  });

  it('writes a denial with exemptions, the people responsible, reconsideration and the court', () => {
    const mail = denialMail(
      ctx,
      { number: 'R26-0002' },
      {
        scope: 'partial',
        exemptions: ['Gov. Code 7927.705', 'Gov. Code 7927.500'],
        responsible: [{ name: 'Morgan Chief', title: 'Chief of Police' }],
        explanation: 'Names of juveniles are withheld.',
      },
      { days: 30, until: '2026-04-11' },
    );
    for (const words of [
      'partly denied',
      '- Gov. Code 7927.705',
      '- Gov. Code 7927.500',
      '- Morgan Chief, Chief of Police',
      'City Clerk (Office of the City Clerk, clerk@city.example)',
      'within 30 days, until Saturday, April 11, 2026',
      'petition in the superior court',
      '7923.000 and following',
      // Without the private link (kept only as a digest), the notice points to the acknowledgement.
      'the link is in the email that acknowledged your request',
    ])
      expect(mail.body).toContain(words);
  });

  it('reminds of what is overdue', () => {
    expect(reminderMail({ number: 'R26-0003', dueDate: '2026-03-12', state: 'overdue' }, 'u').subject).toBe(
      'Overdue: public records request R26-0003',
    );
  });
});

describe('the log as CSV', () => {
  it('makes formulas inert and quotes what needs quoting', () => {
    expect(inertText('=1+1')).toBe("'=1+1");
    expect(inertText('-5')).toBe("'-5");
    expect(inertText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(inertText('a, "b"')).toBe('"a, ""b"""');
    expect(inertText('plain')).toBe('plain');
  });

  it('writes one line per request, without who asked', () => {
    const line = logCsvLine(
      {
        id: 'x',
        number: 'R26-0001',
        description: 'Work orders, 2025',
        departments: [{ id: 'public-works', name: 'Public Works' }],
        status: 'closed',
        closeReason: 'fulfilled',
        receivedAt: '2026-03-02T18:00:00.000Z',
        dueAt: '2026-03-13T06:59:00.000Z',
        dueDate: '2026-03-12',
        deadline: 'met',
        closedAt: '2026-03-10T18:00:00.000Z',
        published: true,
      },
      'https://data.city.example',
    );
    expect(line).toBe(
      'R26-0001,2026-03-02T18:00:00.000Z,2026-03-12,closed,fulfilled,2026-03-10T18:00:00.000Z,Public Works,' +
        '"Work orders, 2025",https://data.city.example/records/log/R26-0001\r\n',
    );
  });
});
