# syntax=docker/dockerfile:1

# Build stage: compile TypeScript with the full dependency set. better-sqlite3 (the conversation
# store when REDIS_URL is unset) is a native module: it installs a prebuilt binary when one matches,
# else compiles, which needs Python, make and a C++ compiler. Only this stage has them.
FROM node:22-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Runtime stage: the pruned production dependencies (native module already built for this same
# base image) and the compiled output only, as a non-root user.
FROM node:22-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Brand rules, roles, program mapping and the benchmark table are read at start-up.
COPY config ./config
COPY data ./data
# DATA_DIR (.data): without REDIS_URL, conversations, drafts, the audit log and the embedded
# sandbox live here; mount a volume on /app/.data to keep them across containers.
RUN mkdir -p .data && chown node:node .data
USER node
EXPOSE 3000 4010
CMD ["node", "dist/main.js"]
