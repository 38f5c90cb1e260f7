# syntax=docker/dockerfile:1

# Build stage: compile TypeScript with the full dependency set.
FROM node:22-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Runtime stage: production dependencies and the compiled output only, as a non-root user.
FROM node:22-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# Brand rules, roles, program mapping and the benchmark table are read at start-up.
COPY config ./config
COPY data ./data
USER node
EXPOSE 3000 4010
CMD ["node", "dist/main.js"]
