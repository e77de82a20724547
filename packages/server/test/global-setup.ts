import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preparePgliteTemplate } from '@aim/db/testing';

export default async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'aim-db-test-'));
  await preparePgliteTemplate(join(dir, 'template.tar'));
}
