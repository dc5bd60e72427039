"""The JSON API's plumbing: typed endpoints, JSON errors with stable codes, the OpenAPI document."""
