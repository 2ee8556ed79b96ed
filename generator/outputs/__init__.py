"""One package per output, each with one face: `render(course, out_dir, ...) -> list[Path]`."""
