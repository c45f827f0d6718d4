/**
 * @module engine
 * The pure rules engine: everything here is synchronous and deterministic, with no I/O and no clock. Dates of
 * service are 'YYYY-MM-DD' calendar dates and times are 'HH:MM' local times; callers pass "today" in when a rule
 * needs it. Import the engine only through this file.
 */
export { checked } from './result.js';
export type { Checked, ProblemPath } from './result.js';
export * from './calendar/index.js';
export * from './units/index.js';
export * from './language/index.js';
export {
  evaluateService,
  evaluateServiceForBilling,
  evaluateStaffRules,
  fillTemplate,
} from './rules/evaluate.js';
export type { EvaluateOptions, Evaluation } from './rules/evaluate.js';
export { chooseAuthorization } from './rules/authorization.js';
export { loadPacks, PackError, PackDefinitionSchema } from './rules/pack.js';
export type { Pack, PackDefinition, Rule, Rate, Limit, Setting, Citation } from './rules/pack.js';
export { compileCondition, explainCondition, operatorTest, OPERATORS } from './rules/conditions.js';
export type {
  Condition,
  Comparison,
  Operator,
  Facts,
  FactValue,
  ComparisonRecord,
} from './rules/conditions.js';
export { FACT_NAMES, deriveFacts } from './rules/facts.js';
export { PLACES_OF_SERVICE, isKnownPlaceOfService } from './rules/place-of-service.js';
export {
  getPack,
  allPacks,
  choosePack,
  installPacks,
  isPayerPack,
  payerPackIds,
  payerPackName,
  PACK_DEFINITIONS,
} from './packs/index.js';
export type { AddedPack } from './packs/index.js';
