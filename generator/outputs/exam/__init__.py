"""Randomized, printable exam forms with separate answer keys."""
