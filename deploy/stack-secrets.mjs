// The `keys` service of docker-compose.yml: writes the stack's secrets into files that only their
// users mount. A secret set in .env is used as given (an empty value counts as unset, as it does
// for PayCenter); any other keeps the value of the last run, or is generated on the first. So the
// stack starts as is, and an operator can still bring the production master key.
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

const PAYCENTER_FILE = '/keys/paycenter/paycenter.env';
const INNGEST_FILE = '/keys/inngest/inngest.env';
const POSTGRES_FILE = '/keys/postgres/password';
// Owners: postgres in the postgres image (999); inngest in Inngest's and node in PayCenter's (1000).
const POSTGRES_UID = 999;
const APP_UID = 1000;

const previous = existsSync(PAYCENTER_FILE) ? parseEnv(readFileSync(PAYCENTER_FILE, 'utf8')) : {};
const hex = (bytes) => randomBytes(bytes).toString('hex');
const pick = (name, generate) => process.env[name] || previous[name] || generate();

function write(file, content, uid) {
  writeFileSync(file, content, { mode: 0o600 });
  chownSync(file, uid, uid);
}

// The database password is the postgres volume's, set when the volume was initialised: never changed here.
const dbPassword = existsSync(POSTGRES_FILE) ? readFileSync(POSTGRES_FILE, 'utf8').trim() : hex(24);
const secrets = {
  DATABASE_URL: pick('DATABASE_URL', () => `postgresql://paycenter:${dbPassword}@postgres:5432/paycenter`),
  PAYCENTER_MASTER_KEY: pick('PAYCENTER_MASTER_KEY', () => randomBytes(32).toString('base64')),
  NEXTAUTH_SECRET: pick('NEXTAUTH_SECRET', () => randomBytes(32).toString('base64')),
  PAYCENTER_METRICS_TOKEN: pick('PAYCENTER_METRICS_TOKEN', () => hex(32)),
  // Inngest requires a hexadecimal signing key.
  INNGEST_EVENT_KEY: pick('INNGEST_EVENT_KEY', () => hex(16)),
  INNGEST_SIGNING_KEY: pick('INNGEST_SIGNING_KEY', () => hex(32)),
};
const lines = (entries) => `${Object.entries(entries).map(([name, value]) => `${name}=${value}`).join('\n')}\n`;

write(POSTGRES_FILE, `${dbPassword}\n`, POSTGRES_UID);
write(
  INNGEST_FILE,
  lines({
    INNGEST_EVENT_KEY: secrets.INNGEST_EVENT_KEY,
    INNGEST_SIGNING_KEY: secrets.INNGEST_SIGNING_KEY,
    INNGEST_POSTGRES_URI: `postgresql://paycenter:${dbPassword}@postgres:5432/inngest`,
  }),
  APP_UID,
);
write(PAYCENTER_FILE, lines(secrets), APP_UID);
// The release step writes the first admin's credentials next to the secrets.
chownSync('/keys/paycenter', APP_UID, APP_UID);
console.log(`Stack secrets ready (${Object.keys(secrets).join(', ')}); docs/deploy.md says how to read or replace them.`);
