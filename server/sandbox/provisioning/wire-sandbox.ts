// Called by the doors and launchers that may activate channels (the dashboard's tRPC route, the demo
// seed, `npm run dev`): with sandbox mode on, the backend provisions sandbox channels through the
// simulators. A call rather than an import side effect, so `next build` never reads the configuration.
import { env } from '@/server/config/env';
import { provideSandboxProvisioner } from '@/server/backend/channels/sandbox-provisioner';
import { simulatorProvisioner } from './sandbox-provisioner';

export function wireSandbox(): void {
  if (env().PAYCENTER_SANDBOX) provideSandboxProvisioner(simulatorProvisioner);
}
