import { Controller, Get, Inject, Param, Query, Req, UseGuards } from '@nestjs/common';
import { type Request } from 'express';
import { ApiAccessGuard, Roles } from '@cern-sso/api-access/server/nestjs';
import { READER_ROLE } from './access-roles.js';
import { Directory } from './directory.js';
import { notFound } from './not-found.js';
import { paginate, readPage, type PagedResponse } from './pagination.js';
import { type ApplicationEntry, type GroupResource, type RoleResource } from './resources.js';

@Controller('api/v1.0/Application')
@UseGuards(ApiAccessGuard)
@Roles(READER_ROLE)
export class ApplicationController {
  constructor(@Inject(Directory) private readonly directory: Directory) {}

  /** The roles the application defines (by its GUID or client id). */
  @Get(':id/roles')
  roles(
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
  ): PagedResponse<RoleResource> {
    const page = readPage(query);
    return paginate(this.application(id).roles, page, request.originalUrl);
  }

  /** The groups a role is assigned to: their members, nested ones included, hold the role. */
  @Get(':id/roles/:roleId/groups')
  roleGroups(
    @Param('id') id: string,
    @Param('roleId') roleId: string,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
  ): PagedResponse<GroupResource> {
    const page = readPage(query);
    const application = this.application(id);
    const wanted = roleId.toLowerCase();
    const role = application.roles.find(
      (candidate) => candidate.id === wanted || candidate.name.toLowerCase() === wanted,
    );
    if (role === undefined) {
      throw notFound(`Role of application "${application.applicationIdentifier}"`, roleId);
    }
    return paginate(this.directory.groupsOfRole(role), page, request.originalUrl);
  }

  private application(id: string): ApplicationEntry {
    const application = this.directory.application(id);
    if (application === undefined) throw notFound('Application', id);
    return application;
  }
}
