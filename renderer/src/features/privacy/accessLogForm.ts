/**
 * The access log's filter form and what it asks the server: dates as the user picks them (local
 * calendar days, "Tot en met" inclusive) become ISO instants; empty fields ask for everything.
 */
import { accessLogCategories, type AccessLogCategory, type AccessLogQuery } from './privacyApi';

/** The form's fields as typed or chosen. */
export interface AccessLogForm {
  user: string;
  org: string;
  caseNumber: string;
  /** yyyy-mm-dd or '' */
  from: string;
  /** yyyy-mm-dd or '' (inclusive) */
  until: string;
  category: AccessLogCategory | '';
}

/** No filters. */
export const emptyAccessLogForm: AccessLogForm = { user: '', org: '', caseNumber: '', from: '', until: '', category: '' };

/** The form as a query, or why it cannot be one. */
export type FormResult = { ok: true; query: AccessLogQuery } | { ok: false; error: 'period-reversed' };

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** Local midnight at the start of `date` plus `days`, as an ISO instant; null for no valid date. */
function localMidnight(date: string, days: number): string | null {
  const match = datePattern.exec(date);
  if (!match) return null;
  const moment = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return Number.isNaN(moment.getTime()) ? null : moment.toISOString();
}

/** True for a category the server knows. */
export const isAccessLogCategory = (value: string): value is AccessLogCategory => (accessLogCategories as readonly string[]).includes(value);

/** The server query of the form: a period from the start of "Van" to the end of "Tot en met", in the computer's time zone. */
export function queryOfForm(form: AccessLogForm): FormResult {
  const from = form.from ? localMidnight(form.from, 0) : null;
  const until = form.until ? localMidnight(form.until, 1) : null;
  if (from && until && from >= until) return { ok: false, error: 'period-reversed' };
  const query: AccessLogQuery = {};
  if (form.user) query.user = form.user;
  if (form.org) query.org = form.org;
  if (form.caseNumber.trim()) query.caseNumber = form.caseNumber.trim();
  if (from) query.from = from;
  if (until) query.until = until;
  if (form.category) query.category = form.category;
  return { ok: true, query };
}
