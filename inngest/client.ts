import { Inngest } from 'inngest';

// The SDK reads its own settings (INNGEST_DEV, INNGEST_BASE_URL, INNGEST_EVENT_KEY,
// INNGEST_SIGNING_KEY; see .env.example): dev mode talks to a local dev server, otherwise Inngest Cloud
// or a self-hosted server.
export const inngest = new Inngest({ id: 'paycenter' });
