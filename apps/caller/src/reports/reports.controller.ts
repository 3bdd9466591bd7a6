import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import { TargetApi } from './target-api.js';

/** A real use: the caller's own routes, served by calling target-api with its token. */
@Controller()
export class ReportsController {
  constructor(@Inject(TargetApi) private readonly target: TargetApi) {}

  @Get('reports')
  async list(): Promise<unknown> {
    return (await this.target.http.get('/reports')).data;
  }

  @Post('reports')
  async create(@Body() input: unknown): Promise<unknown> {
    return (await this.target.http.post('/reports', input)).data;
  }

  /** What target-api sees of this caller: its client id and roles there. */
  @Get('whoami')
  async whoami(): Promise<unknown> {
    return (await this.target.http.get('/whoami')).data;
  }
}
