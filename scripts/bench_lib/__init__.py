"""Modules of scripts/bench: one benchmark (or one helper) per module."""
