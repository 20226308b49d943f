// Placeholder: the BigInt value type is being written.
