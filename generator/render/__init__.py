"""Renderers: one module per output, each reading only the validated course model."""
