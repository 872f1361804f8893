import { describe, expect, it } from 'vitest';
import { checkRequestForm, readRequestForm, toNewRequest } from './public-form.js';

const departments = new Set(['police', 'public-works']);

describe('the public request form', () => {
  it('reads the fields forgivingly: trimmed, electronic by default', () => {
    const { values, formatValid } = readRequestForm({
      description: '  Parking citations in May \r\n',
      email: ' a@b.co ',
    });
    expect(values).toEqual({
      description: 'Parking citations in May',
      preferredFormat: 'electronic',
      departmentId: '',
      name: '',
      email: 'a@b.co',
      phone: '',
    });
    expect(formatValid).toBe(true);
    expect(readRequestForm({ preferredFormat: 'carrier pigeon' }).formatValid).toBe(false);
  });

  it('names every problem next to its field', () => {
    const { values, formatValid } = readRequestForm({
      description: '',
      preferredFormat: 'fax',
      departmentId: 'mystery',
      name: 'n'.repeat(201),
      email: 'not-an-address',
      phone: 'call me',
    });
    expect(checkRequestForm(values, { departments, formatValid, honeypot: 'http://spam.example' })).toEqual([
      { field: 'description', code: 'required' },
      { field: 'preferredFormat', code: 'format' },
      { field: 'departmentId', code: 'department' },
      { field: 'name', code: 'too_long' },
      { field: 'email', code: 'email' },
      { field: 'phone', code: 'phone' },
      { field: 'website', code: 'honeypot' },
    ]);
  });

  it('accepts a request with only its description, and the usual ways of writing phone numbers', () => {
    for (const phone of ['', '(714) 898-3311', '+1 714 898 3311 ext. 12', '714.898.3311 x4']) {
      const { values } = readRequestForm({ description: 'Emails about the Beach Boulevard repaving', phone });
      expect(checkRequestForm(values, { departments }), phone).toEqual([]);
    }
    const short = readRequestForm({ description: 'permits' }).values;
    expect(checkRequestForm(short, { departments })).toEqual([{ field: 'description', code: 'too_short' }]);
  });

  it('leaves blank optional fields out of the new request', () => {
    const { values } = readRequestForm({
      description: 'Council minutes of 2024',
      preferredFormat: 'paper',
      name: 'Ana',
    });
    expect(toNewRequest(values, [])).toEqual({
      description: 'Council minutes of 2024',
      preferredFormat: 'paper',
      name: 'Ana',
    });
    expect(
      toNewRequest(values, [{ fileName: 'a.pdf', mediaType: 'application/pdf', path: '/x' }]).attachments,
    ).toEqual([{ fileName: 'a.pdf', mediaType: 'application/pdf', path: '/x' }]);
  });
});
