export { ServiceProcess, type ServiceSpec } from './service-process.js';
export { PostgresCluster, findPostgresBinaries, postgresForTests } from './postgres-cluster.js';
export { freePort } from './free-port.js';
