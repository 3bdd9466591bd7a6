export {
  PROMETHEUS,
  scrapeConfig,
  startPrometheus,
  type RunningPrometheus,
  type ScrapeTarget,
} from './prometheus-process.js';
export { lastScrapes, query, type Sample } from './prometheus-api.js';
export { expectedDecisions, type DecisionCounts, type Outcome } from './expected-decisions.js';
