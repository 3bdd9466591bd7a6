import { type AxiosInstance, type AxiosResponse } from 'axios';
import { describeFailure } from './describe-failure.js';

/** The calls of the demo scenario, in order; the permission matrix has one column per route. */
export const SCENARIO_ROUTES = [
  'GET /whoami',
  'GET /reports',
  'POST /reports',
  'DELETE /reports/:id',
  'GET /reports/audit',
] as const;

export type ScenarioRoute = (typeof SCENARIO_ROUTES)[number];

export interface CallOutcome {
  route: ScenarioRoute;
  status: number;
  /** Why the target allowed or refused it, in its own words (RFC 6750 `error_description`). */
  reason: string;
}

export interface ScenarioOptions {
  /** The report that `DELETE /reports/:id` targets; default: the one this run created, else 1. */
  reportId?: number;
  /** Told about each call that failed, with its error: to say why no call could be made. */
  onError?: (route: ScenarioRoute, error: unknown) => void;
}

/**
 * Makes every call of the scenario with `http` (an axios instance that authenticates somehow)
 * and reports each outcome; a refusal is a result here, not an error.
 */
export async function runScenario(
  http: AxiosInstance,
  options: ScenarioOptions = {},
): Promise<CallOutcome[]> {
  let created: number | undefined;
  const calls: Record<ScenarioRoute, () => Promise<AxiosResponse>> = {
    'GET /whoami': () => http.get('/whoami'),
    'GET /reports': () => http.get('/reports'),
    'POST /reports': async () => {
      const response = await http.post('/reports', {
        title: 'Demo report',
        body: 'Written by the demo scenario.',
      });
      created = (response.data as { id?: number }).id;
      return response;
    },
    'DELETE /reports/:id': () => http.delete(`/reports/${options.reportId ?? created ?? 1}`),
    'GET /reports/audit': () => http.get('/reports/audit'),
  };
  const outcomes: CallOutcome[] = [];
  for (const route of SCENARIO_ROUTES) {
    try {
      const response = await calls[route]();
      outcomes.push({ route, status: response.status, reason: 'allowed' });
    } catch (error) {
      options.onError?.(route, error);
      outcomes.push({ route, ...describeFailure(error) });
    }
  }
  return outcomes;
}
