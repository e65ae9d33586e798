import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../../run/usage-error.ts';

/**
 * Checks, before a run starts, that `file` can be written: it is not a directory, its folder
 * exists and is writable (and so is the file, if it exists).
 * @throws UsageError naming the option and why.
 */
export function checkWritableFile(option: string, file: string): void {
  const path = resolve(file);
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) throw new UsageError(`${option} ${file}: is a directory, not a file`);
    if (!canWrite(path)) throw new UsageError(`${option} ${file}: the file exists and is not writable`);
    return;
  }
  const dir = dirname(path);
  if (!existsSync(dir)) throw new UsageError(`${option} ${file}: folder ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) throw new UsageError(`${option} ${file}: ${dir} is not a folder`);
  if (!canWrite(dir)) throw new UsageError(`${option} ${file}: folder ${dir} is not writable`);
}

/**
 * Checks, before a run starts, that `dir` is a writable directory or can be created (its nearest
 * existing ancestor is a writable directory).
 * @throws UsageError naming the option and why.
 */
export function checkWritableDir(option: string, dir: string): void {
  let path = resolve(dir);
  if (existsSync(path)) {
    if (!statSync(path).isDirectory()) throw new UsageError(`${option} ${dir}: is a file, not a folder`);
    if (!canWrite(path)) throw new UsageError(`${option} ${dir}: folder is not writable`);
    return;
  }
  while (!existsSync(path)) path = dirname(path);
  if (!statSync(path).isDirectory()) throw new UsageError(`${option} ${dir}: ${path} is a file, not a folder`);
  if (!canWrite(path)) throw new UsageError(`${option} ${dir}: cannot create it, ${path} is not writable`);
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
