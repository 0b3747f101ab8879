'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { StatusToggleAction } from '@/components/dashboard/status-toggle-action';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Button } from '@/components/ui/button';
import { ConfirmAction } from '@/components/ui/confirm-action';
import type { RobotRow } from './robot-row';

/** A robot's row actions: send a test message (DingTalk's answer shown), enable or disable, remove. */
export function RobotActions({ robot }: { robot: RobotRow }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<string | null>(null);
  const test = useMutation(trpc.dingtalkRobots.sendTest.mutationOptions());
  const remove = useMutation(trpc.dingtalkRobots.remove.mutationOptions());
  const invalidates = [trpc.dingtalkRobots.pathKey()];

  async function sendTest() {
    setResult(null);
    try {
      const answer = await test.mutateAsync({ robotId: robot.id });
      setResult(answer.status === 'SENT' ? t('dingtalk.testSent') : answer.errcode === null && answer.status === 'PENDING' ? t('dingtalk.testQueued') : t('dingtalk.testFailed', { error: `${answer.errcode ?? ''} ${answer.errmsg ?? ''}`.trim() }));
    } catch (error) {
      setResult(t('dingtalk.testFailed', { error: error instanceof Error ? error.message : String(error) }));
    }
  }

  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {robot.enabled ? (
        <Button variant="secondary" onClick={sendTest} disabled={test.isPending}>
          {t('dingtalk.test')}
        </Button>
      ) : null}
      <StatusToggleAction
        name={robot.name}
        turningOff={robot.enabled}
        label={robot.enabled ? t('dingtalk.disable') : t('dingtalk.enable')}
        title={t(robot.enabled ? 'dingtalk.disableTitle' : 'dingtalk.enableTitle', { name: robot.name })}
        description={t('dingtalk.toggleDescription')}
        mutation={trpc.dingtalkRobots.setEnabled.mutationOptions()}
        variables={{ robotId: robot.id, enabled: !robot.enabled }}
        notice={(updated) => t('dingtalk.toggled', { name: updated.name, status: t(updated.enabled ? 'dingtalk.enabled' : 'dingtalk.disabled') })}
        invalidates={invalidates}
      />
      <ConfirmAction
        label={t('dingtalk.remove')}
        title={t('dingtalk.removeTitle', { name: robot.name })}
        description={t('dingtalk.removeDescription')}
        confirmLabel={t('dingtalk.remove')}
        destructive
        confirmText={robot.name}
        action={() => remove.mutateAsync({ robotId: robot.id })}
        onDone={() => void Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })))}
      />
      <span role="status" className="w-full text-right text-xs text-slate-600">
        {result}
      </span>
    </div>
  );
}
