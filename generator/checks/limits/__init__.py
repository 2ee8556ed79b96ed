"""What each output can hold, decided before anything is written: a module per output, text.py for all.

An error where an output cannot be written as the specs say (a table row no slide can hold, a cell Excel
cannot store, a character XML forbids); a warning where the output adapts the text (a title cut on its
slide, a file property or category name shortened). Measurements use the outputs' own notation and
geometry from generator/formats, never the renderers, so `curriculum validate` passing means every
output can be built.
"""
