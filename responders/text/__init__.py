"""Text shared by the classifier and the guard: normalised views with offsets, the literal gate."""
