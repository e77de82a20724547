#!/usr/bin/env node
import 'reflect-metadata';
import { createInterface } from 'node:readline/promises';
import { DataDirInUseError } from '@aim/db';
import { printSchema } from 'graphql';
import { provisionAnalyst } from './accounts/analyst.js';
import { readConfig } from './config.js';
import { AppError } from './errors.js';
import { servedSchema } from './graphql/schema.js';
import { prepareServices } from './start.js';

const usage = `usage:
  aim analyst <email>     create an analyst account, or make an account an analyst (ACC-7);
                          the password comes from AIM_ANALYST_PASSWORD or the first line of stdin
  aim print-schema        print the served GraphQL schema`;

async function readPassword(): Promise<string> {
  if (process.env.AIM_ANALYST_PASSWORD) return process.env.AIM_ANALYST_PASSWORD;
  const lines = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  const password = await lines.question(process.stdin.isTTY ? 'Password: ' : '');
  lines.close();
  return password;
}

async function main(args: string[]): Promise<number> {
  const [command, email] = args;
  if (command === 'print-schema') {
    process.stdout.write(`${printSchema(await servedSchema())}\n`);
    return 0;
  }
  if (command === 'analyst' && email) {
    const password = await readPassword();
    let prepared: Awaited<ReturnType<typeof prepareServices>>;
    try {
      prepared = await prepareServices({ ...readConfig(), analyst: undefined, demoData: false });
    } catch (error) {
      // A running server holds the PGlite data folder (#10.5): say so, and how to do this instead.
      if (!(error instanceof DataDirInUseError)) throw error;
      console.error(error.message);
      console.error(
        'To make an analyst while the server runs, set AIM_ANALYST_EMAIL and AIM_ANALYST_PASSWORD and restart it, or run this with DATABASE_URL against PostgreSQL.',
      );
      return 1;
    }
    const { services, database } = prepared;
    try {
      const analyst = await provisionAnalyst(services, { email, password });
      console.info(`${analyst.email} is an analyst.`);
      return 0;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      for (const fieldError of error.fieldErrors) console.error(`${fieldError.path}: ${fieldError.message}`);
      return 1;
    } finally {
      await database.close();
    }
  }
  console.error(usage);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
