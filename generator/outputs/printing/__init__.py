"""Print-ready HTML pages and their PDFs (headless Chromium), shared by handouts and certificates."""
