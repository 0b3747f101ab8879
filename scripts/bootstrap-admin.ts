// Creates the first platform admin if there is none (what `npm start` does before serving).
import { ensurePlatformAdmin } from '@/server/backend/users/ensure-platform-admin';
import { db } from '@/server/db/client';

const result = await ensurePlatformAdmin();
if (result) console.log(`[paycenter] created platform admin ${result.email}`);
await db().$disconnect();
