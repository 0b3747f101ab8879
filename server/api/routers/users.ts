import { z } from 'zod';
import { createUser, createUserInput } from '@/server/backend/users/create-user';
import { listUsers, listUsersInput } from '@/server/backend/users/list-users';
import { resetPassword } from '@/server/backend/users/reset-password';
import { setUserDisabled } from '@/server/backend/users/set-user-disabled';
import { actorOf } from '../actor';
import { authedProcedure, createTRPCRouter } from '../trpc';

const userId = z.object({ userId: z.string().max(64) });

export const usersRouter = createTRPCRouter({
  list: authedProcedure.input(listUsersInput).query(({ ctx, input }) => listUsers({ actor: actorOf(ctx.user), input })),
  create: authedProcedure.input(createUserInput).mutation(({ ctx, input }) => createUser({ actor: actorOf(ctx.user), input, request: ctx.request })),
  resetPassword: authedProcedure.input(userId).mutation(({ ctx, input }) => resetPassword({ actor: actorOf(ctx.user), userId: input.userId, request: ctx.request })),
  setDisabled: authedProcedure
    .input(userId.extend({ disabled: z.boolean() }))
    .mutation(({ ctx, input }) => setUserDisabled({ actor: actorOf(ctx.user), userId: input.userId, disabled: input.disabled, request: ctx.request })),
});
