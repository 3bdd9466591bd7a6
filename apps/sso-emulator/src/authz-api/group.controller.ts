import { Controller, Get, Inject, Param, Query, Req, UseGuards } from '@nestjs/common';
import { type Request } from 'express';
import { ApiAccessGuard, Roles } from '@cern-sso/api-access/server/nestjs';
import { READER_ROLE } from './access-roles.js';
import { Directory } from './directory.js';
import { matchesAll, readGroupFilter } from './group-filter.js';
import { notFound } from './not-found.js';
import { paginate, readPage, type PagedResponse } from './pagination.js';
import { type GroupResource } from './resources.js';

@Controller('api/v1.0/Group')
@UseGuards(ApiAccessGuard)
@Roles(READER_ROLE)
export class GroupController {
  constructor(@Inject(Directory) private readonly directory: Directory) {}

  /** Every group, or those matching `filter` (e.g. `groupIdentifier:target-api-readers`). */
  @Get()
  list(
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
  ): PagedResponse<GroupResource> {
    const conditions = readGroupFilter(query.filter);
    const page = readPage(query);
    const groups = this.directory.allGroups.filter((group) => matchesAll(group, conditions));
    return paginate(groups, page, request.originalUrl);
  }

  /** By GUID or groupIdentifier. */
  @Get(':id')
  one(@Param('id') id: string): { data: GroupResource } {
    const group = this.directory.group(id);
    if (group === undefined) throw notFound('Group', id);
    return { data: group };
  }
}
