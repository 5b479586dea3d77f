"""Distributed extraction: the same `strife extract` and `strife ingest`, run on a Dask cluster.

- `partitions`: the inputs split into partitions a worker reads on its own (files of a
  directory grouped, JSONL/CSV files in line ranges, Parquet files by row group), each read
  exactly as `strife.readers.read_inputs` reads the whole input.
- `cluster`: a connection to `--scheduler tcp://HOST:PORT`, or a local cluster for `--dask
  local:N`; Dask is imported only here, so the default install runs without it.
- `worker`: what runs on a worker: one task per partition, with the pipeline (the gazetteer
  index above all) built once per worker process.
- `shards`: one output file per partition, written under a temporary name and renamed, so a
  retried partition replaces its shard rather than adding a second; the manifest.
- `run`: partitions submitted with retries, results taken back in input order.
"""
