// Exercise 3's solution: copy to apps/target-api/src/reports/report-stats.controller.ts and add
// ReportStatsController to the controllers of apps/target-api/src/app.module.ts.
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { GuardedOperation } from '@cern-sso/api-access/server/nestjs/swagger';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportStatsController {
  constructor(@Inject(ReportsService) private readonly reports: ReportsService) {}

  @Get('stats')
  // The guard's @Roles('analyst') and the Swagger text and 403 that name it, in one declaration.
  @GuardedOperation({ summary: 'Count the reports', anyRoles: ['analyst'] })
  @ApiResponse({ status: 200, description: '{ "count": <number of reports> }' })
  async stats(): Promise<{ count: number }> {
    return { count: (await this.reports.list()).length };
  }
}
