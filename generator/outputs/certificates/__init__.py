"""Certificates of completion, one per participant of a roster (`curriculum certificates ROSTER.csv`)."""
