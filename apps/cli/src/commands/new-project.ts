import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { appNameProblem } from '@chalice/config';
import { UserError } from '../errors.ts';
import { TEMPLATES, templateFiles, type TemplateName } from '../templates/index.ts';

/** What `chalice new-project` takes. */
export interface NewProjectCommand {
  name: string | undefined;
  template: string;
  cwd: string;
}

/**
 * `chalice new-project [NAME]`: writes the template into a new folder NAME. The folder is built
 * beside its final place and renamed into it, so a failure leaves nothing half-written; an
 * existing folder is refused and left untouched.
 */
export async function newProject({ name, template, cwd }: NewProjectCommand): Promise<string> {
  if (!TEMPLATES.includes(template as TemplateName)) {
    throw new UserError(`Unknown --template "${template}": choose one of ${TEMPLATES.join(', ')}`);
  }
  const projectName = name ?? (await askName());
  const nameProblem = appNameProblem(projectName);
  if (nameProblem) throw new UserError(`Invalid project name "${projectName}": it becomes the app name, which ${nameProblem}`);
  const target = resolve(cwd, projectName);
  if (existsSync(target)) throw new UserError(`${target} already exists: choose another name or remove it`);
  const staging = mkdtempSync(join(cwd, `.${projectName}-`));
  try {
    for (const [path, text] of Object.entries(templateFiles(template as TemplateName, projectName))) {
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

async function askName(): Promise<string> {
  if (!process.stdin.isTTY) throw new UserError('Give the project a name: chalice new-project NAME');
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await prompt.question('Enter the project name: ')).trim();
  } finally {
    prompt.close();
  }
}
