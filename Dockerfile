# The hotline12345 service, and (target "prompts") the one-shot prompt synthesiser.
#
#   docker build -t hotline12345 .                    the service (default target)
#   docker build -t hotline12345-prompts --target prompts .
#
# docker-compose.yml builds both. Only the paths copied below enter the image,
# so the host's node_modules, data/ and sounds/ never do.

# --- dependencies: compiled once, with a toolchain in case better-sqlite3 has
#     no prebuilt binary for this platform -----------------------------------
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# tsx is a runtime dependency (npm start runs the TypeScript directly).
RUN npm ci --omit=dev --no-audit --no-fund

# --- the pages: built once with Vite; the service only serves the files ------------
FROM node:20-bookworm-slim AS pages
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY vite.config.ts ./
COPY web ./web
RUN npx vite build

# --- what both images share ---------------------------------------------------
FROM node:20-bookworm-slim AS base
ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_CACHE=/tmp/.npm
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY src ./src

# --- prompts: espeak-ng + sox, writes the WAVs into /sounds ---------------------
FROM base AS prompts
RUN apt-get update \
 && apt-get install -y --no-install-recommends espeak-ng sox \
 && rm -rf /var/lib/apt/lists/*
COPY scripts ./scripts
ENTRYPOINT ["node_modules/.bin/tsx", "scripts/make-prompts.ts"]
CMD ["/sounds"]

# --- the service (default target: last stage) -----------------------------------
FROM base AS service
# The service synthesises prompts (espeak-ng) and converts uploaded WAV/MP3 (sox,
# libsox-fmt-mp3) for admins at run time.
RUN apt-get update \
 && apt-get install -y --no-install-recommends espeak-ng sox libsox-fmt-mp3 \
 && rm -rf /var/lib/apt/lists/*
# The SQLite database lives in /app/data (DATABASE_PATH=./data/hotline.db);
# docker-compose.yml mounts the host's ./data there.
COPY --from=pages /app/dist/web ./dist/web
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["npm", "start"]
