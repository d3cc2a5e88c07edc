"""Typed graph model, graph building and stores."""
