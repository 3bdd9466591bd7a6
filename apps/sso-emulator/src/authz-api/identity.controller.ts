import {
  BadRequestException,
  Controller,
  Get,
  Inject,
  Param,
  Query,
  Req,
  UseGuards,
} from '@nestjs/common';
import { type Request } from 'express';
import { type ApiAccessPrincipal } from '@cern-sso/api-access/server';
import { ApiAccessGuard, CurrentPrincipal, Roles } from '@cern-sso/api-access/server/nestjs';
import { READER_ROLE } from './access-roles.js';
import { Directory } from './directory.js';
import { notFound } from './not-found.js';
import { paginate, readPage, type PagedResponse } from './pagination.js';
import { type GroupResource, type IdentityResource } from './resources.js';

@Controller('api/v1.0/Identity')
@UseGuards(ApiAccessGuard)
export class IdentityController {
  constructor(@Inject(Directory) private readonly directory: Directory) {}

  /** The application behind the token (`azp`). Any valid token may ask: no role needed. */
  @Get('current')
  current(@CurrentPrincipal() caller: ApiAccessPrincipal): { data: IdentityResource } {
    return { data: this.identity(caller.clientId ?? '') };
  }

  @Get(':id')
  @Roles(READER_ROLE)
  one(@Param('id') id: string): { data: IdentityResource } {
    return { data: this.identity(id) };
  }

  /** Direct groups, or with `recursive=true` nested ones too. */
  @Get(':id/groups')
  @Roles(READER_ROLE)
  groups(
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
  ): PagedResponse<GroupResource> {
    return this.page(id, readRecursive(query.recursive), query, request);
  }

  /** The same as `groups?recursive=true`, the path some clients of the real API use. */
  @Get(':id/groups/recursive')
  @Roles(READER_ROLE)
  recursiveGroups(
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
  ): PagedResponse<GroupResource> {
    return this.page(id, true, query, request);
  }

  private page(
    id: string,
    recursive: boolean,
    query: Record<string, unknown>,
    request: Request,
  ): PagedResponse<GroupResource> {
    const page = readPage(query);
    const groups = this.directory.groupsOf(this.identity(id), recursive);
    return paginate(groups, page, request.originalUrl);
  }

  private identity(id: string): IdentityResource {
    const identity = this.directory.identity(id);
    if (identity === undefined) throw notFound('Identity', id);
    return identity;
  }
}

function readRecursive(value: unknown): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new BadRequestException(`recursive: expected true or false, got ${JSON.stringify(value)}`);
}
