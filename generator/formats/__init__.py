"""How the model is written in an output's own notation, shared by the writer, the reader and the checks."""
