export {
  CHROMIUM,
  REQUIRE_BROWSER,
  describeInBrowser,
  openChromium,
  type Browser,
} from './chromium.js';
