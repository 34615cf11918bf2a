"""Call and cluster document assistant: hybrid Romanian retrieval and cited answers."""
