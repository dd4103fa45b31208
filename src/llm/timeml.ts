import type { TimexType } from '../core/types.ts';

// TimeML / ISO 8601 value syntax (TIMEX3 `value`), so a model's value is kept only when it parses.
// Digits may be replaced by X where the text leaves them open ("XXXX-WXX-1": every Monday).

const YEAR = String.raw`(?:\d{4}|\d{3}X|\d{2}XX|\d{3}|\d{2}|XXXX)`;
const TWO = String.raw`(?:\d{2}|XX)`;
const ZONE = String.raw`(?:Z|[+-]\d{2}(?::?\d{2})?)`;
const CLOCK = String.raw`(?:${TWO}(?::${TWO}(?::${TWO}(?:\.\d+)?)?)?|MO|MI|AF|EV|NI|DT)`;
const DAY = `${YEAR}(?:-${TWO}(?:-${TWO}(?:T${CLOCK}${ZONE}?)?)?)?`;
const WEEK = `${YEAR}-W${TWO}(?:-(?:[1-7X]|WE)(?:T${CLOCK}${ZONE}?)?|-WE)?`;
const PART = `${YEAR}-(?:Q[1-4X]|H[12X]|SP|SU|FA|WI)`;
const BARE_TIME = `T${CLOCK}${ZONE}?`;
const DATE_VALUE = new RegExp(`^(?:${DAY}|${WEEK}|${PART}|${BARE_TIME}|PRESENT_REF|PAST_REF|FUTURE_REF)$`);

const AMOUNT = String.raw`(?:\d+(?:\.\d+)?|X+)`;
const DURATION_VALUE = new RegExp(String.raw`^P(?=[\dXT])(?:${AMOUNT}(?:Y|M|W|D|DE|CE|ML|Q|H|WE|L|C|E|X))*(?:T(?:${AMOUNT}[HMS])+)?$`);

/** True when `value` is a well-formed TimeML value for an expression of this type. */
export function isTimemlValue(value: string, type: TimexType): boolean {
  if (value.length === 0 || value.length > 40) return false;
  if (type === 'DURATION') return DURATION_VALUE.test(value);
  if (type === 'SET') return DURATION_VALUE.test(value) || DATE_VALUE.test(value);
  return DATE_VALUE.test(value);
}
