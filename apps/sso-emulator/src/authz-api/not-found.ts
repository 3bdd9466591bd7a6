import { NotFoundException } from '@nestjs/common';

/** The 404 every lookup gives: `{"statusCode":404,"error":"Not Found","message":"Group \"x\" does not exist"}`. */
export function notFound(what: string, id: string): NotFoundException {
  return new NotFoundException(`${what} "${id}" does not exist`);
}
