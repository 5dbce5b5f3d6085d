"""Bilingual demo data, so the first run shows a living desk."""
