# skillgraph in a container: `docker build -t skillgraph .` then
#   docker run -p 4000:4000 -v skillgraph-data:/data skillgraph
# (the embedded store in /data; for Neo4j and Kafka see compose.yaml). Not built on the development machine,
# which has no container daemon: see README "Running in containers".

# ---- build: native addons, the compiled service, the workbench and the text models (fetched with Maven once)
FROM node:20-bookworm AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends g++ make python3 openjdk-17-jre-headless maven \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
ENV ONNXRUNTIME_NODE_INSTALL_CUDA=skip
RUN npm ci --no-audit --no-fund
COPY . .
RUN node web/build.mjs \
 && npm run build \
 && npm run fetch-models \
 && npm prune --omit=dev --no-audit --no-fund

# ---- run: the compiled service, no compiler, no Maven, not root
FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/seeds ./seeds
COPY --from=build /app/schema ./schema
COPY --from=build /app/web/dist ./web/dist
COPY --from=build /app/src/api/explorer.html ./src/api/explorer.html
COPY --from=build /app/src/vectors/dot-kernel.wasm ./src/vectors/dot-kernel.wasm
RUN useradd --system --uid 10001 --home-dir /data skillgraph \
 && mkdir -p /data /models \
 && chown skillgraph /data /models
USER skillgraph
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    SKILLGRAPH_DATA_DIR=/data
VOLUME ["/data"]
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=300s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4000/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/src/main.js"]
