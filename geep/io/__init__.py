"""File input and output (Excel, CSV): readers, writers, templates. Kernels never do I/O."""
