"""The Romanian prompts (plain text files, package data), read by assistant/answer/prompts.py."""
