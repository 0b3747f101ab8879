import { z } from 'zod';
import { db } from '@/server/db/client';
import type { Prisma } from '@/server/db/generated/client';

/** Paging and sorting shared by every dashboard table. */
export function listQuery<const F extends readonly [string, ...string[]]>(sortFields: F) {
  return z.object({
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(1).max(100).default(20),
    sortBy: z.enum(sortFields).default(sortFields[0]),
    sortDir: z.enum(['asc', 'desc']).default('desc'),
    search: z.string().trim().max(100).optional(),
  });
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function paging(query: { page: number; pageSize: number }): { skip: number; take: number } {
  return { skip: (query.page - 1) * query.pageSize, take: query.pageSize };
}

/** A page of `rows` (read with `paging`) and the `count` they are part of, in one transaction so that the two agree. */
export async function readPage<T>(query: { page: number; pageSize: number }, rows: Prisma.PrismaPromise<T[]>, count: Prisma.PrismaPromise<number>): Promise<Page<T>> {
  const [items, total] = await db().$transaction([rows, count]);
  return { items, total, page: query.page, pageSize: query.pageSize };
}
