"""Spaces as the TypeScript env describes them (plain dicts), and their gymnasium equivalents."""

import random

try:  # optional
    import numpy as np
except ImportError:  # pragma: no cover - exercised on machines without numpy
    np = None

try:  # optional
    import gymnasium.spaces as gym_spaces
except ImportError:
    gym_spaces = None


def _size(shape):
    n = 1
    for s in shape:
        n *= s
    return n


def to_gym_space(space):
    """A `gymnasium.spaces` object for a space description, or the description itself without gymnasium."""
    if gym_spaces is None or np is None:
        return space
    t = space["type"]
    if t == "box":
        return gym_spaces.Box(low=space["low"], high=space["high"], shape=tuple(space["shape"]), dtype=np.dtype(space["dtype"]))
    if t == "discrete":
        return gym_spaces.Discrete(space["n"])
    if t == "multi-discrete":
        return gym_spaces.MultiDiscrete(space["nvec"])
    if t == "dict":
        return gym_spaces.Dict({k: to_gym_space(v) for k, v in space["spaces"].items()})
    raise ValueError("unknown space type %r" % t)


def shape_value(space, value):
    """A JSON value as the space's type: numpy arrays of the right shape and dtype when numpy is there."""
    t = space["type"]
    if t == "dict":
        return {k: shape_value(s, value[k]) for k, s in space["spaces"].items() if k in value}
    if np is None:
        return value
    if t == "box":
        return np.asarray(value, dtype=space["dtype"]).reshape(space["shape"])
    if t == "multi-discrete":
        return np.asarray(value, dtype=np.int64)
    return int(value)


def _flat(value):
    if np is not None and isinstance(value, np.ndarray):
        return value.reshape(-1).tolist()
    if isinstance(value, (list, tuple)):
        out = []
        for v in value:
            out.extend(_flat(v) if isinstance(v, (list, tuple)) or (np is not None and isinstance(v, np.ndarray)) else [v])
        return out
    return [value]


def why_not_in(space, value, path="value"):
    """Why `value` is not in `space` (a message with the path), or None."""
    t = space["type"]
    if t == "discrete":
        ok = isinstance(value, int) or (np is not None and isinstance(value, np.integer))
        return None if ok and 0 <= int(value) < space["n"] else "%s: %r is not an integer in [0, %d)" % (path, value, space["n"])
    if t == "dict":
        if not isinstance(value, dict):
            return "%s: expected a dict" % path
        for k, s in space["spaces"].items():
            if k not in value:
                return "%s: missing key %s" % (path, k)
            why = why_not_in(s, value[k], "%s.%s" % (path, k))
            if why:
                return why
        extra = [k for k in value if k not in space["spaces"]]
        return "%s: unexpected keys %s" % (path, extra) if extra else None
    flat = _flat(value)
    if t == "multi-discrete":
        if len(flat) != len(space["nvec"]):
            return "%s: expected %d integers" % (path, len(space["nvec"]))
        for k, (v, n) in enumerate(zip(flat, space["nvec"])):
            if int(v) != v or not 0 <= v < n:
                return "%s[%d]: %r not in [0, %d)" % (path, k, v, n)
        return None
    size = _size(space["shape"])
    if len(flat) != size:
        return "%s: expected %d numbers (shape %s), got %d" % (path, size, space["shape"], len(flat))
    integer = space["dtype"] not in ("float32", "float64")
    for k, v in enumerate(flat):
        if not (space["low"] <= v <= space["high"]) or (integer and int(v) != v):
            return "%s[%d]: %r outside [%s, %s]" % (path, k, v, space["low"], space["high"])
    if np is not None and isinstance(value, np.ndarray) and list(value.shape) != list(space["shape"]):
        return "%s: shape %s, expected %s" % (path, list(value.shape), space["shape"])
    return None


def contains(space, value):
    return why_not_in(space, value) is None


def sample(space, rng=None):
    """A uniform sample of a space description (lists / ints), from `rng` (a `random.Random`)."""
    rng = rng or random
    t = space["type"]
    if t == "discrete":
        return rng.randrange(space["n"])
    if t == "multi-discrete":
        return [rng.randrange(n) for n in space["nvec"]]
    if t == "dict":
        return {k: sample(s, rng) for k, s in space["spaces"].items()}
    size = _size(space["shape"])
    integer = space["dtype"] not in ("float32", "float64")
    return [int(rng.uniform(space["low"], space["high"])) if integer else rng.uniform(space["low"], space["high"]) for _ in range(size)]
