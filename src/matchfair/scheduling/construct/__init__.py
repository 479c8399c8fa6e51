"""First schedules: the compact sweep, the priority-first greedy with repair, and the
first-come-first-served baseline the benchmarks compare against."""
