import { type DynamicModule, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ObservabilityModule, type ObservabilityOptions } from '@cern-sso/observability';
import { stopTracing } from '@cern-sso/tracing';
import { Registry as MetricsRegistry } from 'prom-client';
import { AdminController } from './admin/admin.controller.js';
import { AuthzApiModule } from './authz-api/authz-api.module.js';
import { RequestCounters } from './admin/request-counters.js';
import { DiscoveryController } from './discovery/discovery.controller.js';
import { NotEmulatedController } from './discovery/not-emulated.controller.js';
import { HealthController } from './http/health.controller.js';
import { Realm } from './http/realm.js';
import { KeyStore } from './keys/key-store.js';
import { PortalController } from './portal/portal.controller.js';
import { PortalService } from './portal/portal.service.js';
import { EmulatorMetrics } from './metrics/emulator-metrics.js';
import { Registry } from './registry/registry.js';
import { TokenIssuer } from './token/token-issuer.js';
import { TokenController } from './token/token.controller.js';
import { TokenService } from './token/token.service.js';

export interface EmulatorParts {
  realm: Realm;
  registry: Registry;
  keys: KeyStore;
  /** Milliseconds since the epoch; tests inject it to mint tokens at a chosen time. */
  now: () => number;
  /** Logs and `/metrics`. */
  observability: ObservabilityOptions;
}

/** Everything is built before Nest starts (and fails there), so the module only wires values. */
@Module({})
export class EmulatorModule implements OnApplicationShutdown {
  /** After the server has closed: the spans of the last requests go out before the process. */
  onApplicationShutdown(): Promise<void> {
    return stopTracing();
  }

  static with(parts: EmulatorParts): DynamicModule {
    const counters = new RequestCounters();
    const issuer = new TokenIssuer(parts.keys, parts.realm, parts.now);
    return {
      module: EmulatorModule,
      imports: [ObservabilityModule.forRoot(parts.observability), AuthzApiModule.with(parts)],
      controllers: [
        TokenController,
        DiscoveryController,
        NotEmulatedController,
        AdminController,
        HealthController,
        PortalController,
      ],
      providers: [
        { provide: Realm, useValue: parts.realm },
        { provide: Registry, useValue: parts.registry },
        { provide: KeyStore, useValue: parts.keys },
        { provide: RequestCounters, useValue: counters },
        {
          provide: EmulatorMetrics,
          inject: [MetricsRegistry],
          useFactory: (metrics: MetricsRegistry) => new EmulatorMetrics(metrics),
        },
        {
          provide: TokenService,
          inject: [EmulatorMetrics],
          useFactory: (metrics: EmulatorMetrics) =>
            new TokenService(parts.registry, issuer, counters, metrics),
        },
        PortalService,
      ],
    };
  }
}
