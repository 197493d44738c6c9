export { createUnitsServer, UNITS_HTTP_PORT } from './units-server.ts';
export {
  type Conversion,
  type ConvertOptions,
  UnitError,
  convert,
  formatNumber,
  listUnits,
  parseAndConvert,
  resolveUnit,
} from './unit-lookup.ts';
export { DIMENSIONS, type Dimension, UNITS, type UnitDefinition } from './unit-table.ts';
