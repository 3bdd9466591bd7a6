export { CHROMIUM, openChromium, type Browser } from './chromium.js';
