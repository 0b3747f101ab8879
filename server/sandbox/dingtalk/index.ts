// The DingTalk custom-robot simulator's entry points for the rest of PayCenter.
export { handleRobotSend } from './handle-robot-send';
export { createSandboxDingtalkRobot, listReceivedDingtalkMessages, listSandboxDingtalkRobots, sandboxRobotUrl } from './robots';
