# The prevgraph API image used by docker-compose.yml (`prevgraph serve` on the store PREVGRAPH_STORE names).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY . /app
RUN pip install /app && useradd --system --uid 10001 --home-dir /app prevgraph
USER prevgraph
EXPOSE 8000
CMD ["prevgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
