"""Slide decks: a builder on a master, measured text, native shapes, and the slides of each kind of deck."""
