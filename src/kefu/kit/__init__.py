"""Shared building blocks: database, errors, i18n, pagination, text. Imports no domain module."""
