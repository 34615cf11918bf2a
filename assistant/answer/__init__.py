"""Answerers: the extractive default and the LLM backends, all returning `Answer`."""
