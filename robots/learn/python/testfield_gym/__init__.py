"""Gymnasium- and PettingZoo-style client of Testfield's TypeScript environment."""

from .client import TestfieldEnv, TestfieldParallelEnv, EnvError
from .spaces import to_gym_space, contains, sample

__all__ = ["TestfieldEnv", "TestfieldParallelEnv", "EnvError", "to_gym_space", "contains", "sample"]
