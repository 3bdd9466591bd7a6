import { metricNames } from './support/promql.js';

// The helper the rules and dashboard tests rely on: a misspelt metric must come out as a name.
describe('metricNames', () => {
  it.each([
    ['up', ['up']],
    ['sum by (le, cache) (rate(a_bucket{job=~"$job", x="y{z}"}[$__rate_interval]))', ['a_bucket']],
    ['histogram_quantile(0.99, sum(rate(a_bucket[5m]))) * 1e3', ['a_bucket']],
    ['sum(a) / sum without (instance) (b) unless on (job) c offset 1h > bool 0.2', ['a', 'b', 'c']],
    ['max by (instance) (api_access_jwks_stal) == 1', ['api_access_jwks_stal']],
  ])('%s', (expression, names) => {
    expect(metricNames(expression)).toEqual(names);
  });
});
