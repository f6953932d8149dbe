"""Every read a person sees."""
