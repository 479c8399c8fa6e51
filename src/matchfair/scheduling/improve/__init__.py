"""Searches that close holes without changing which meetings are held: the annealing over
Kempe-chain swaps, the local-search polish, and the large-neighbourhood search in small CP-SAT
windows."""
