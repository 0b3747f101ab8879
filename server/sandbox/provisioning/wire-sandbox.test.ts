import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Fresh modules per case: env() is read once per process, and the provisioner is process wiring.
async function wireWith(sandbox: string) {
  vi.stubEnv('PAYCENTER_SANDBOX', sandbox);
  const { wireSandbox } = await import('./wire-sandbox');
  const { sandboxProvisioner } = await import('@/server/backend/channels/sandbox-provisioner');
  const { simulatorProvisioner } = await import('./sandbox-provisioner');
  wireSandbox();
  return { sandboxProvisioner, simulatorProvisioner };
}

describe('wireSandbox', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.stubEnv('PAYCENTER_DATA_DIR', mkdtempSync(path.join(os.tmpdir(), 'paycenter-wire-')));
  });
  afterEach(() => vi.unstubAllEnvs());

  it('gives the backend the simulators when sandbox mode is on', async () => {
    const { sandboxProvisioner, simulatorProvisioner } = await wireWith('true');
    expect(sandboxProvisioner()).toBe(simulatorProvisioner);
  });

  it('leaves sandbox activation refused, naming `mode`, when sandbox mode is off', async () => {
    const { sandboxProvisioner } = await wireWith('false');
    expect(() => sandboxProvisioner()).toThrow(expect.objectContaining({ code: 'INVALID_REQUEST', details: { fields: { mode: 'sandbox mode is off on this server (PAYCENTER_SANDBOX)' } } }));
  });
});
