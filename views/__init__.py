"""What people look at: the interactive page, networkx analyses and exports."""
