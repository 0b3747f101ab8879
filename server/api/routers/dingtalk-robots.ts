import { addRobot, addRobotInput } from '@/server/backend/dingtalk-robots/add-robot';
import { listRobots, listRobotsInput } from '@/server/backend/dingtalk-robots/list-robots';
import { removeRobot, removeRobotInput } from '@/server/backend/dingtalk-robots/remove-robot';
import { sendTestMessage, sendTestMessageInput } from '@/server/backend/dingtalk-robots/send-test-message';
import { setRobotEnabled, setRobotEnabledInput } from '@/server/backend/dingtalk-robots/set-robot-enabled';
import { actorOf } from '../actor';
import { authedProcedure, createTRPCRouter } from '../trpc';

export const dingtalkRobotsRouter = createTRPCRouter({
  list: authedProcedure.input(listRobotsInput).query(({ ctx, input }) => listRobots({ actor: actorOf(ctx.user), input })),
  add: authedProcedure.input(addRobotInput).mutation(({ ctx, input }) => addRobot({ actor: actorOf(ctx.user), input, request: ctx.request })),
  setEnabled: authedProcedure.input(setRobotEnabledInput).mutation(({ ctx, input }) => setRobotEnabled({ actor: actorOf(ctx.user), input, request: ctx.request })),
  remove: authedProcedure.input(removeRobotInput).mutation(({ ctx, input }) => removeRobot({ actor: actorOf(ctx.user), input, request: ctx.request })),
  sendTest: authedProcedure.input(sendTestMessageInput).mutation(({ ctx, input }) => sendTestMessage({ actor: actorOf(ctx.user), input, request: ctx.request })),
});
