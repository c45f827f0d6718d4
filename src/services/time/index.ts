/**
 * @module services/time
 * Calendar dates where the work happens (a program's or an organisation's time zone), one helper for every
 * module that asks "what day is it there?".
 */
export { calendarDateIn } from './local-date.js';
