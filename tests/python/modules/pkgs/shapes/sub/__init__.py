# Helper subpackage.
