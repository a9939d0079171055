// The run labels' dates: written out (no Intl on the first screen), the shipped day in UTC.
import { describe, expect, it } from 'vitest';
import { formatRunDate, shownRunLabel } from './StaleRegion';

describe('run dates', () => {
  it('the shipped run is labelled with its day', () => {
    expect(shownRunLabel({ id: 'pretrained', name: 'Pretrained run', createdAt: '2025-03-04' })).toBe(
      'Pretrained run (4 Mar 2025)',
    );
  });

  it('a kept run with its local date and time', () => {
    const d = new Date(2025, 11, 31, 9, 5);
    expect(formatRunDate(d, true)).toBe('31 Dec 2025, 09:05');
    expect(shownRunLabel({ id: 'run-x', name: 'Live run', createdAt: d.toISOString() })).toBe(
      'Live run (31 Dec 2025, 09:05)',
    );
  });
});
