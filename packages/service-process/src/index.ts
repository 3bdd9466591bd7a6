export { ServiceProcess, type ServiceSpec } from './service-process.js';
