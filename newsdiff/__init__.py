"""newsdiff: compare how several outlets covered one story."""
