"""The packing screen's parts; each one shows one thing and knows nothing of the engine."""
