"""The API's endpoints, one module per resource; each is a ninja Router mounted in matchfair.api.api."""
