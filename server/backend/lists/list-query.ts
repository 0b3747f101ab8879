import { z } from 'zod';

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
