import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preparePgliteTemplate } from '../src/testing.js';

export default async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'aim-db-test-'));
  await preparePgliteTemplate(join(dir, 'template.tar'));
}
