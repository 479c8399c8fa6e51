"""Fewest holes with every meeting held: the MaxSAT encoding and its worker processes, the
SAT-LNS beside them, and the phase that runs both."""
