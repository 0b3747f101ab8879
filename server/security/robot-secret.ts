import { open, seal } from '@/server/security/secret-box';

/** AAD for sealing: a secret only opens as the 加签 secret of that robot. */
const aad = (robotId: string) => `DingtalkRobot:${robotId}:secret`;

export function sealRobotSecret(robotId: string, secret: string): { secretSealed: string; secretHint: string } {
  return { secretSealed: seal(secret, aad(robotId)), secretHint: secret.slice(-4) };
}

/** The plaintext of a robot's 加签 secret, to sign its messages with. */
export function openRobotSecret(robot: { id: string; secretSealed: string }): string {
  return open(robot.secretSealed, aad(robot.id));
}
