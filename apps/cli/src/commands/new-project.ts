import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { appNameProblem } from '@chalice/config';
import { UserError } from '../errors.ts';
import { TEMPLATES, templateFiles, type TemplateName } from '../templates/index.ts';
import { registrySpecs, tarballSpecs } from '../templates/package-specs.ts';

/** What `chalice new-project` takes. */
export interface NewProjectCommand {
  name: string | undefined;
  template: string;
  cwd: string;
  /** A folder of package tarballs (`npm run pack`) to install from instead of the registry. */
  packages?: string;
  /** The AWS profile the project's config names. */
  profile?: string;
}

// The name becomes a folder, the npm package name and the start of every AWS name Chalice makes
// (`<app>-<stage>-<function>`); AWS limits Lambda and IAM role names to 64 characters.

/**
 * `chalice new-project [NAME]`: writes the template into a new folder NAME. The folder is built
 * beside its final place and renamed into it, so a failure leaves nothing half-written; an
 * existing folder is refused and left untouched.
 */
export async function newProject({ name, template, cwd, packages, profile }: NewProjectCommand): Promise<string> {
  if (!TEMPLATES.includes(template as TemplateName)) {
    throw new UserError(`Unknown --template "${template}": choose one of ${TEMPLATES.join(', ')}`);
  }
  if (profile !== undefined && profile.trim() === '') throw new UserError('--profile needs the name of an AWS profile');
  const projectName = checkName(name ?? (await askName()));
  const target = resolve(cwd, projectName);
  if (existsSync(target)) throw new UserError(`${target} already exists: choose another name or remove it`);
  const specs = packages === undefined ? registrySpecs() : tarballSpecs(packages, cwd, target);
  const files = templateFiles(template as TemplateName, projectName, { packages: specs, profile });
  const staging = mkdtempSync(join(cwd, `.${projectName}-`));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(staging, path)), { recursive: true });
      writeFileSync(join(staging, path), text);
    }
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  process.stdout.write(`Created ${projectName}/ from the ${template} template.\nNext: cd ${projectName} && npm install && chalice local\n`);
  return target;
}

function checkName(name: string): string {
  const problem = appNameProblem(name);
  // A long name is cut in the message: it is the length that is wrong, not the letters.
  const shown = name.length > 40 ? `${name.slice(0, 20)}..." (${name.length} characters)` : `${name}"`;
  if (problem) throw new UserError(`Invalid project name "${shown}: it becomes the app name, which ${problem}`);
  return name;
}

async function askName(): Promise<string> {
  if (!process.stdin.isTTY) throw new UserError('Give the project a name: chalice new-project NAME');
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await prompt.question('Enter the project name: ')).trim();
  } finally {
    prompt.close();
  }
}
