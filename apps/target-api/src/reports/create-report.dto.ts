import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';

export class CreateReportDto {
  @ApiProperty({ example: 'Quarterly figures', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: 'All green.', maxLength: 10_000, required: false })
  @IsString()
  @MaxLength(10_000)
  body: string = '';
}
