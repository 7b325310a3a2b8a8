"""Guard rules grouped by family; each module exposes a RULES tuple."""
