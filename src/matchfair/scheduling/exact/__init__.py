"""The CP-SAT models: the window builder, compact-or-loose agendas, the whole-instance steps,
the plain priority model of objective (1), and the humane path with its limits."""
