"""`python -m tracker ...`: thin callers of services, reports and io."""
