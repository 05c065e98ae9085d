/**
 * Round 9, scoring speed: changes that make scoring faster without changing a decision. Each test pins the saving (the
 * slow step is not repeated) and that the answers stay the same on both sides of the contrast.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('libphonenumber-js', async (importOriginal) => {
  const real = await importOriginal<typeof import('libphonenumber-js')>();
  return { ...real, parsePhoneNumberFromString: vi.fn(real.parsePhoneNumberFromString) };
});

const { parsePhoneNumberFromString } = await import('libphonenumber-js');
const { findPhones } = await import('../../lib/score/identifiers');

describe('phone numbers: a candidate is parsed once', () => {
  it('the same number in a second text is not parsed again, and is found the same', () => {
    const parse = vi.mocked(parsePhoneNumberFromString);
    parse.mockClear();
    const first = findPhones('Ring the office on 01632 960 118 before nine.');
    const second = findPhones('Her mobile is 07700 900 562, the office 01632 960 118.');
    expect(first.map((p) => [p.value, p.detail])).toEqual([['01632 960 118', 'landline']]);
    expect(second.map((p) => [p.value, p.detail])).toEqual([
      ['07700 900 562', 'mobile'],
      ['01632 960 118', 'landline'],
    ]);
    expect(parse.mock.calls.map((c) => c[0])).toEqual(['01632 960 118', '07700 900 562']);
  });

  it('a number that is no GB number stays rejected when met again, without a second parse', () => {
    const parse = vi.mocked(parsePhoneNumberFromString);
    parse.mockClear();
    expect(findPhones('Order ref 0400 123 4567 today')).toEqual([]);
    expect(findPhones('ref 0400 123 4567 again')).toEqual([]);
    expect(parse).toHaveBeenCalledTimes(1);
    // its valid look-alike is still found
    expect(findPhones('call 0113 496 0123 today').map((p) => p.detail)).toEqual(['landline']);
  });
});
