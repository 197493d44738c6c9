import { describe, expect, it } from 'vitest';
import { convert, formatNumber, listUnits, parseAndConvert, resolveUnit } from './unit-lookup.ts';

describe('convert', () => {
  it('converts temperatures through kelvin with the right offsets', () => {
    expect(convert(100, '°C', '°F').value).toBeCloseTo(212, 10);
    expect(convert(-40, 'celsius', 'fahrenheit').value).toBeCloseTo(-40, 10);
    expect(convert(0, 'K', 'degC').value).toBeCloseTo(-273.15, 10);
    expect(convert(32, 'F', 'K').value).toBeCloseTo(273.15, 10);
    expect(convert(0, 'K', '°F').value).toBeCloseTo(-459.67, 10);
    expect(convert(37, 'celsius', 'fahrenheit').value).toBeCloseTo(98.6, 10);
    expect(convert(-273.15, '°C', 'K').value).toBeCloseTo(0, 10);
    expect(formatNumber(convert(100, '°C', '°F').value)).toBe('212');
  });

  it('converts temperature differences without offsets', () => {
    expect(convert(10, 'Δ°C', 'Δ°F').value).toBeCloseTo(18, 10);
    expect(convert(10, '°C', '°F', { difference: true })).toMatchObject({
      unit: 'Δ°F',
      dimension: 'temperature_difference',
    });
    expect(convert(10, '°C', '°F', { difference: true }).value).toBeCloseTo(18, 10);
    expect(convert(9, 'delta F', 'K', { difference: true }).value).toBeCloseTo(5, 10);
    expect(convert(1, 'ΔK', 'Δ°C').value).toBe(1);
    expect(() => convert(10, 'Δ°C', '°F')).toThrow(/incompatible dimensions/);
    expect(convert(1, 'km', 'm', { difference: true }).value).toBe(1000);
  });

  it('converts the added units (SI and IEC bits, energy, pressure, volume, mass, time)', () => {
    expect(convert(1, 'Mbit', 'kB').value).toBe(125);
    expect(convert(1, 'Mb', 'B').value).toBe(125_000);
    expect(convert(1, 'Gibit', 'MiB').value).toBe(128);
    expect(convert(1, 'PiB', 'TiB').value).toBe(1024);
    expect(convert(1, 'BTU', 'J').value).toBeCloseTo(1055.05585262, 8);
    expect(convert(1, 'atm', 'Torr').value).toBeCloseTo(760, 10);
    expect(convert(1, 'MPa', 'bar').value).toBeCloseTo(10, 12);
    expect(convert(1, 'imp pt', 'mL').value).toBeCloseTo(568.26125, 8);
    expect(convert(1, 'bbl', 'gal').value).toBeCloseTo(42, 10);
    expect(convert(1, 'short ton', 'lb').value).toBeCloseTo(2000, 10);
    expect(convert(1, 'yr', 'd').value).toBeCloseTo(365.2425, 10);
    expect(convert(1, 'ly', 'km').value).toBeCloseTo(9.4607304725808e12, 0);
  });

  it('converts length, data size, energy, pressure and time', () => {
    expect(convert(1, 'mi', 'm').value).toBeCloseTo(1609.344, 9);
    expect(convert(1, 'miles', 'metre').value).toBeCloseTo(1609.344, 9);
    expect(convert(1, 'GiB', 'B').value).toBe(1073741824);
    expect(convert(1, 'GB', 'B').value).toBe(1e9);
    expect(convert(1, 'kWh', 'kJ').value).toBeCloseTo(3600, 9);
    expect(convert(1, 'atm', 'psi').value).toBeCloseTo(14.6959488, 6);
    expect(convert(1, 'week', 'h').value).toBe(168);
    expect(convert(1, 'gal', 'L').value).toBeCloseTo(3.785411784, 12);
    expect(convert(100, 'km/h', 'mph').value).toBeCloseTo(62.1371192, 6);
  });

  it('returns the structured shape with canonical symbols', () => {
    expect(convert(5, 'kilometers', 'miles')).toMatchObject({
      unit: 'mi',
      input: { value: 5, unit: 'km' },
      dimension: 'length',
    });
  });

  it('names both dimensions when they are incompatible', () => {
    expect(() => convert(1, 'km', 'kg')).toThrow(
      'Cannot convert length (km) to mass (kg): incompatible dimensions',
    );
  });

  it('refuses currencies', () => {
    for (const currency of ['usd', 'EUR', '$', '€', 'dollars']) {
      expect(() => convert(1, currency, 'm')).toThrow(
        'currency conversion is not supported (rates change; no network)',
      );
    }
  });
});

describe('resolveUnit', () => {
  it('matches names case-insensitively and symbols where unambiguous', () => {
    expect(resolveUnit('Meters').symbol).toBe('m');
    expect(resolveUnit('KM').symbol).toBe('km');
    expect(resolveUnit('degrees Fahrenheit').symbol).toBe('°F');
    expect(resolveUnit('deg c').symbol).toBe('°C');
    expect(resolveUnit('° C').symbol).toBe('°C');
    expect(resolveUnit('megabytes').symbol).toBe('MB');
  });

  it('keeps data-size symbols case-sensitive', () => {
    expect(resolveUnit('MB').symbol).toBe('MB');
    expect(resolveUnit('MiB').symbol).toBe('MiB');
    expect(() => resolveUnit('mB')).toThrow(/case-sensitive/);
    expect(() => resolveUnit('gb')).toThrow(/case-sensitive/);
  });

  it('rejects unknown units', () => {
    expect(() => resolveUnit('furlong')).toThrow(/Unknown unit "furlong"/);
  });
});

describe('parseAndConvert', () => {
  it('reads common phrasings', () => {
    expect(parseAndConvert('5 km in miles').value).toBeCloseTo(3.10685596, 7);
    expect(parseAndConvert('72 °F to celsius').value).toBeCloseTo(22.2222222, 6);
    expect(parseAndConvert('72°F to celsius').unit).toBe('°C');
    expect(parseAndConvert('convert 1,024 MiB to GiB').value).toBe(1);
    expect(parseAndConvert('12 in in cm').value).toBeCloseTo(30.48, 10);
    expect(parseAndConvert('-3.5e2 J -> cal?').value).toBeCloseTo(-83.6520076, 6);
  });

  it('explains what it expects', () => {
    expect(() => parseAndConvert('how far is Rome')).toThrow(/<number> <unit> to <unit>/);
  });
});

describe('listUnits', () => {
  it('lists one dimension or all eleven', () => {
    expect(listUnits('temperature')[0]?.units.map((unit) => unit.symbol)).toEqual(['K', '°C', '°F']);
    expect(listUnits('temperature_difference')[0]?.units.map((unit) => unit.symbol)).toEqual([
      'ΔK',
      'Δ°C',
      'Δ°F',
    ]);
    expect(listUnits()).toHaveLength(11);
  });
});
