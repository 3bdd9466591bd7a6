import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type ApiAccessPrincipal } from '@cern-sso/api-access/server';
import { CurrentPrincipal, RequireAllRoles, Roles } from '@cern-sso/api-access/server/nestjs';
import { CreateReportDto } from './create-report.dto.js';
import { ReportIdPipe } from './report-id.pipe.js';
import { AuditEntry, Report } from './report.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No token, or an invalid one (see WWW-Authenticate)' })
@ApiResponse({ status: 403, description: 'Valid token without the role this route needs' })
@Controller('reports')
export class ReportsController {
  constructor(@Inject(ReportsService) private readonly reports: ReportsService) {}

  @Get()
  @Roles('reader', 'writer', 'admin')
  @ApiOperation({
    summary: 'List reports',
    description: 'Needs any of the roles `reader`, `writer`, `admin`.',
  })
  @ApiResponse({ status: 200, type: [Report] })
  list(): Promise<Report[]> {
    return this.reports.list();
  }

  @Post()
  @Roles('writer')
  @ApiOperation({ summary: 'Create a report', description: 'Needs the role `writer`.' })
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
  @RequireAllRoles('reader', 'auditor')
  @ApiOperation({
    summary: 'Read the audit trail',
    description: 'Needs both roles `reader` and `auditor`.',
  })
  @ApiResponse({ status: 200, type: [AuditEntry] })
  audit(): Promise<AuditEntry[]> {
    return this.reports.trail();
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a report', description: 'Needs the role `admin`.' })
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
