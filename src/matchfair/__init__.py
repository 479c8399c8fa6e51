"""Matchfair: B2B matchmaking, expo visits, assemblies and knowledge sharing for clusters."""
