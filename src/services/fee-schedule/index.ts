/**
 * @module services/fee-schedule
 * The organisation's fee schedule: the charge each payer is billed and the rate it is expected to pay, per
 * code and modifiers, effective-dated — kept by billing staff (page, API, CSV) and read by the claim context.
 */
export { addFee, changeFee, feeHistory, FEE_EDITORS, listFees, loadFeeSchedule, removeFee } from './fees.js';
export { exportFeesCsv, FEE_CSV_COLUMNS, importFeesCsv } from './csv.js';
export { feeKey, feesInForce, packUnitRate, type StoredFee } from './in-force.js';
