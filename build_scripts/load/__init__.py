"""Loading: sources -> model and problems. YAML read with its lines, record specs, one loader per kind of
source, and the editors' JSON Schemas made from the specs. Imports only from the model."""
