/** `npm run schema`: rewrites schemas/postmortemrc.schema.json from the rule registry. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CONFIG_SCHEMA_PATH, serializeConfigSchema } from './config-schema';

const text = serializeConfigSchema();
let current = '';
try {
  current = readFileSync(CONFIG_SCHEMA_PATH, 'utf8');
} catch {
  // first run: the file does not exist yet
}
if (current === text) console.log('schemas/postmortemrc.schema.json already current');
else {
  mkdirSync(dirname(CONFIG_SCHEMA_PATH), { recursive: true });
  writeFileSync(CONFIG_SCHEMA_PATH, text);
  console.log('schemas/postmortemrc.schema.json rewritten');
}
