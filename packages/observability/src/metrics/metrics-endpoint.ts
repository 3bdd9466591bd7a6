import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { OBSERVABILITY_OPTIONS } from '../observability.module-definition.js';
import type { ObservabilityOptions } from '../observability.options.js';
import { metricsHandler } from './metrics-handler.js';

/**
 * Serves `GET /metrics`: as a plain route of the app's own server (outside Nest's guards, so an
 * app-wide API Access guard does not ask Prometheus for a token), or on a port of its own.
 */
@Injectable()
export class MetricsEndpoint implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server: Server | undefined;
  /** The own port's `/metrics` URL, once listening; undefined when served on the app's port. */
  url: string | undefined;

  constructor(
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
    private readonly registry: Registry,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  async onModuleInit(): Promise<void> {
    const metrics = this.options.metrics ?? {};
    if (metrics === false) return;
    const handler = metricsHandler(this.registry, metrics.bearerSecret);
    if (metrics.port === undefined) {
      // Before Nest's 404 handler, which it registers after the module init hooks.
      this.adapterHost.httpAdapter.get('/metrics', handler);
      return;
    }
    const server = createServer((request, response) => {
      if (request.method === 'GET' && request.url?.split('?', 1)[0] === '/metrics') {
        handler(request, response);
      } else {
        response.writeHead(404).end();
      }
    });
    const host = metrics.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(metrics.port, host, resolve);
    });
    this.server = server;
    const { port } = server.address() as AddressInfo;
    this.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/metrics`;
    this.logger.log(`metrics at ${this.url}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
