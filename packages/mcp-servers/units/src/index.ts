export { createUnitsServer } from './units-server.ts';
export {
  type Conversion,
  UnitError,
  convert,
  listUnits,
  parseAndConvert,
  resolveUnit,
} from './unit-lookup.ts';
export { DIMENSIONS, type Dimension, UNITS, type UnitDefinition } from './unit-table.ts';
