import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Type } from '@nestjs/common';
import { initialMatrix, listNestRoutes } from '../matrix/nestjs/index.js';

export interface MatrixInitCommand {
  /** The compiled file exporting the app's root module. */
  module: string;
  /** Its export name. */
  exportName: string;
  audience: string;
  globalPrefix?: string;
  /** Where to write; stdout when absent. */
  out?: string;
}

/**
 * Boots the app's module without listening (Nest's logger off), reads its routes and writes a
 * first matrix. The app's own bootstrap must not need a live database or SSO to `init()`.
 * @returns the matrix text
 */
export async function writeInitialMatrix(command: MatrixInitCommand): Promise<string> {
  const loaded = (await import(pathToFileURL(resolve(command.module)).href)) as Record<
    string,
    unknown
  >;
  const appModule = loaded[command.exportName] as Type | undefined;
  if (typeof appModule !== 'function') {
    throw new Error(`${command.module} exports no ${command.exportName} (pass --export <name>)`);
  }
  const { NestFactory } = await import('@nestjs/core');
  const app = await NestFactory.create(appModule, { logger: false, abortOnError: false });
  try {
    await app.init();
    const routes = listNestRoutes(app, { globalPrefix: command.globalPrefix });
    const text = initialMatrix(routes, { audience: command.audience });
    if (command.out !== undefined) await writeFile(command.out, text, { flag: 'wx' });
    return text;
  } finally {
    await app.close();
  }
}
