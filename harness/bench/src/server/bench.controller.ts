import { Controller, Get, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { Public, Roles } from '@cern-sso/api-access/server/nestjs';

/** The same small answer on every route, so only the authentication differs between them. */
const REPORTS = Object.freeze([
  { id: 1, title: 'Beam intensity, run 3', author: 'caller' },
  { id: 2, title: 'Cryogenics weekly', author: 'ops-bot' },
]);

/**
 * One handler three times: open (the ceiling), behind the project's guard (installed app-wide,
 * as target-api does), and behind the tutorial recipe. `/memory` lets the runner read this
 * process's RSS before and after the load.
 */
@Controller()
export class BenchController {
  @Get('public')
  @Public()
  open(): readonly object[] {
    return REPORTS;
  }

  @Get('guarded')
  @Roles('reader', 'writer', 'admin') // as target-api's GET /reports
  guarded(): readonly object[] {
    return REPORTS;
  }

  // @Public() switches off the app-wide project guard here: this route is the tutorial's alone.
  @Get('tutorial')
  @Public()
  @UseGuards(AuthGuard('jwt'))
  tutorial(): readonly object[] {
    return REPORTS;
  }

  /** After a full GC when the runner started us with --expose-gc: what is really retained. */
  @Get('memory')
  @Public()
  memory(): NodeJS.MemoryUsage {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage();
  }

  /** This process's CPU time so far, µs: the runner reads it around each load run. */
  @Get('cpu')
  @Public()
  cpu(): NodeJS.CpuUsage {
    return process.cpuUsage();
  }
}
