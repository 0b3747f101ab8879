import type { RouterOutputs } from '../router-outputs';

/** A robot as the dashboard's list returns it. */
export type RobotRow = RouterOutputs['dingtalkRobots']['list'][number];
