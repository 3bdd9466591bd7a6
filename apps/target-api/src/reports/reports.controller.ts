import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type ApiAccessPrincipal } from '@cern-sso/api-access/server';
import { CurrentPrincipal } from '@cern-sso/api-access/server/nestjs';
import { GuardedOperation } from '@cern-sso/api-access/server/nestjs/swagger';
import { CreateReportDto } from './create-report.dto.js';
import { ReportIdPipe } from './report-id.pipe.js';
import { AuditEntry, Report } from './report.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(@Inject(ReportsService) private readonly reports: ReportsService) {}

  @Get()
  @GuardedOperation({ summary: 'List reports', anyRoles: ['reader', 'writer', 'admin'] })
  @ApiResponse({ status: 200, type: [Report] })
  list(): Promise<Report[]> {
    return this.reports.list();
  }

  @Post()
  @GuardedOperation({ summary: 'Create a report', anyRoles: ['writer'] })
  @ApiResponse({ status: 201, type: Report })
  @ApiResponse({ status: 400, description: 'The body is invalid; the message names the field' })
  create(
    @Body() input: CreateReportDto,
    @CurrentPrincipal() caller: ApiAccessPrincipal,
  ): Promise<Report> {
    return this.reports.create(input, caller.clientId ?? 'unknown');
  }

  // Declared before `:id` routes so that "audit" is never taken for an id.
  @Get('audit')
  @GuardedOperation({ summary: 'Read the audit trail', allRoles: ['reader', 'auditor'] })
  @ApiResponse({ status: 200, type: [AuditEntry] })
  audit(): Promise<AuditEntry[]> {
    return this.reports.trail();
  }

  @Delete(':id')
  @HttpCode(204)
  @GuardedOperation({ summary: 'Delete a report', anyRoles: ['admin'] })
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ApiResponse({ status: 400, description: 'The id is not digits only' })
  @ApiResponse({ status: 404, description: 'No report with this id' })
  remove(
    @Param('id', ReportIdPipe) id: number,
    @CurrentPrincipal() caller: ApiAccessPrincipal,
  ): Promise<void> {
    return this.reports.remove(id, caller.clientId ?? 'unknown');
  }
}
