export {
  PROMETHEUS,
  scrapeConfig,
  startPrometheus,
  type RunningPrometheus,
  type ScrapeTarget,
} from './prometheus-process.js';
export { lastScrapes, query, scrapedSince, type Sample } from './prometheus-api.js';
export { expectedDecisions, type DecisionCounts, type Outcome } from './expected-decisions.js';
export { DECISIONS_BY_OUTCOME, demoScrapeTargets, runDemoScraped } from './demo-scraped.js';
