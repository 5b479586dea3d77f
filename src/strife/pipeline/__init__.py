"""The pipeline: a list of small stages run in order over one `Document`, then assembly."""

from strife.pipeline.pipeline import Pipeline, Stage, default_pipeline, empty_pipeline

__all__ = ["Pipeline", "Stage", "default_pipeline", "empty_pipeline"]
