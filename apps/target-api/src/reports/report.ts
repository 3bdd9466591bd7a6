import { ApiProperty } from '@nestjs/swagger';

export class Report {
  @ApiProperty({ example: 1 })
  id!: number;

  @ApiProperty({ example: 'Quarterly figures' })
  title!: string;

  @ApiProperty({ example: 'All green.' })
  body!: string;

  /** Client id of the application that created it (`azp`). */
  @ApiProperty({ example: 'caller' })
  createdBy!: string;

  @ApiProperty({ example: '2026-11-29T12:00:00.000Z' })
  createdAt!: string;
}

export class AuditEntry {
  @ApiProperty({ example: 'report.created' })
  action!: string;

  @ApiProperty({ example: 1 })
  reportId!: number;

  @ApiProperty({ example: 'caller' })
  by!: string;

  @ApiProperty({ example: '2026-11-29T12:00:00.000Z' })
  at!: string;
}
