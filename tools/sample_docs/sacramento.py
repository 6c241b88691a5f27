"""stub"""
from .model import Collection
def collection() -> Collection:
    return Collection("sacramento", [])
