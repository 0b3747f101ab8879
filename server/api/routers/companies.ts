import { z } from 'zod';
import { createCompany, createCompanyInput } from '@/server/backend/companies/create-company';
import { getCompany, listCompanies, listCompaniesInput } from '@/server/backend/companies/list-companies';
import { setCompanyStatus, setCompanyStatusInput } from '@/server/backend/companies/set-company-status';
import { updateCompany, updateCompanyInput } from '@/server/backend/companies/update-company';
import { actorOf } from '../actor';
import { authedProcedure, createTRPCRouter } from '../trpc';

export const companiesRouter = createTRPCRouter({
  list: authedProcedure.input(listCompaniesInput).query(({ ctx, input }) => listCompanies({ actor: actorOf(ctx.user), input })),
  get: authedProcedure.input(z.object({ companyId: z.string().max(64) })).query(({ ctx, input }) => getCompany({ actor: actorOf(ctx.user), companyId: input.companyId })),
  create: authedProcedure.input(createCompanyInput).mutation(({ ctx, input }) => createCompany({ actor: actorOf(ctx.user), input, request: ctx.request })),
  update: authedProcedure.input(updateCompanyInput).mutation(({ ctx, input }) => updateCompany({ actor: actorOf(ctx.user), input, request: ctx.request })),
  setStatus: authedProcedure.input(setCompanyStatusInput).mutation(({ ctx, input }) => setCompanyStatus({ actor: actorOf(ctx.user), input, request: ctx.request })),
});
