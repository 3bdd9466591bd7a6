import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * The environment minus what the surrounding `pnpm run` and jest set (`pnpm_*`, `npm_package_*`,
 * the user agent, `NODE_OPTIONS`): a consumer app is installed, built and run as on a team's own
 * machine. `npm_config_*` stays: a registry mirror or proxy set that way applies to the apps too.
 */
export function consumerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([name]) =>
      !/^pnpm_/i.test(name) &&
      !(/^npm_/.test(name) && !name.startsWith('npm_config_')) &&
      name !== 'npm_config_user_agent' &&
      name !== 'NODE_OPTIONS',
  );
  return { ...Object.fromEntries(inherited), ...extra };
}

/** Runs a command to completion; a failure carries its output (tsc prints its errors on stdout). */
export async function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, {
      cwd: options.cwd,
      env: options.env ?? consumerEnv(),
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${options.cwd}:\n${stdout}${stderr}`, {
      cause: error,
    });
  }
}
