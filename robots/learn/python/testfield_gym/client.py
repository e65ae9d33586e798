"""The pipe client: starts `bench gym serve` and speaks JSON lines to it."""

import json
import os
import subprocess

from .spaces import shape_value, to_gym_space


class EnvError(RuntimeError):
    """The TypeScript env refused a request (its message says why)."""


def _is_checkout(folder):
    pkg = os.path.join(folder, "package.json")
    if not os.path.exists(pkg):
        return False
    with open(pkg) as f:
        return '"name": "testfield"' in f.read()


def _find_upward(start):
    """The Testfield checkout at or above `start`, or the one installed in a node_modules there."""
    here = os.path.abspath(start)
    while True:
        for candidate in (here, os.path.join(here, "node_modules", "testfield")):
            if _is_checkout(candidate):
                return candidate
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def _find_root():
    """TESTFIELD_ROOT, else the checkout (or node_modules/testfield) around the working folder, else around this file."""
    root = os.environ.get("TESTFIELD_ROOT")
    if root:
        return root
    found = _find_upward(os.getcwd()) or _find_upward(os.path.dirname(os.path.abspath(__file__)))
    if found:
        return found
    raise EnvError("cannot find Testfield: run from inside its checkout (or a project with node_modules/testfield), or set TESTFIELD_ROOT")


class _Pipe:
    def __init__(self, root=None, command=None):
        root = root or _find_root()
        cmd = command or ["node", "--import", "tsx", "bench/cli/cli.ts", "gym", "serve"]
        self._proc = subprocess.Popen(cmd, cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=None, text=True, bufsize=1)
        self._next = 0

    def call(self, cmd, **fields):
        self._next += 1
        request = dict(fields, id=self._next, cmd=cmd)
        self._proc.stdin.write(json.dumps(request) + "\n")
        self._proc.stdin.flush()
        line = self._proc.stdout.readline()
        if not line:
            raise EnvError("the env server exited (code %s)" % self._proc.poll())
        reply = json.loads(line)
        if reply.get("id") != self._next:
            raise EnvError("out-of-order reply %r" % reply.get("id"))
        if not reply.get("ok"):
            raise EnvError(reply.get("error", "unknown error"))
        return reply

    def close(self):
        if self._proc.poll() is None:
            try:
                self.call("close")
            except (EnvError, OSError, ValueError):
                pass
            self._proc.stdin.close()
            self._proc.wait(timeout=30)


class TestfieldEnv:
    """Gymnasium's `Env` API over the whole fleet: `reset(seed=...)`, `step(action)` → 5-tuple.

    `observation_space` / `action_space` are `gymnasium.spaces` objects when gymnasium is
    installed, else the plain descriptions (`observation_space_desc` always holds those).
    Subclasses `gymnasium.Env` when available.
    """

    metadata = {"render_modes": []}

    def __init__(self, scenario="warehouse/g2p-small", root=None, command=None, **options):
        self._pipe = _Pipe(root, command)
        made = self._pipe.call("make", scenario=scenario, form="single", **options)
        self.observation_space_desc = made["observationSpace"]
        self.action_space_desc = made["actionSpace"]
        self.observation_space = to_gym_space(self.observation_space_desc)
        self.action_space = to_gym_space(self.action_space_desc)
        self.robots = made["robots"]
        self.action_names = made.get("actionNames")
        self.render_mode = None

    def reset(self, seed=None, options=None):
        reply = self._pipe.call("reset", seed=seed)
        return shape_value(self.observation_space_desc, reply["observation"]), reply["info"]

    def step(self, action):
        flat = action.reshape(-1).tolist() if hasattr(action, "reshape") else list(action)
        reply = self._pipe.call("step", action=flat)
        obs = shape_value(self.observation_space_desc, reply["observation"])
        return obs, float(reply["reward"]), bool(reply["terminated"]), bool(reply["truncated"]), reply["info"]

    def state_hash(self):
        return self._pipe.call("hash")["hash"]

    def close(self):
        self._pipe.close()


class TestfieldParallelEnv:
    """PettingZoo's `ParallelEnv` API: one agent per robot, dicts keyed by agent."""

    metadata = {"name": "testfield_parallel_v0", "render_modes": []}

    def __init__(self, scenario="warehouse/g2p-small", root=None, command=None, **options):
        self._pipe = _Pipe(root, command)
        made = self._pipe.call("make", scenario=scenario, form="parallel", **options)
        self.possible_agents = list(made["possibleAgents"])
        self.agents = []
        self._obs_desc = made["observationSpace"]
        self._act_desc = made["actionSpace"]
        self.action_names = made.get("actionNames")
        self.render_mode = None

    def observation_space(self, agent):
        return to_gym_space(self._obs_desc)

    def action_space(self, agent):
        return to_gym_space(self._act_desc)

    def reset(self, seed=None, options=None):
        reply = self._pipe.call("reset", seed=seed)
        self.agents = list(reply["agents"])
        obs = {a: shape_value(self._obs_desc, o) for a, o in reply["observations"].items()}
        return obs, reply["infos"]

    def step(self, actions):
        plain = {a: (v.tolist() if hasattr(v, "tolist") else v) for a, v in actions.items()}
        reply = self._pipe.call("step", actions=plain)
        self.agents = list(reply["agents"])
        obs = {a: shape_value(self._obs_desc, o) for a, o in reply["observations"].items()}
        return obs, reply["rewards"], reply["terminations"], reply["truncations"], reply["infos"]

    def state_hash(self):
        return self._pipe.call("hash")["hash"]

    def close(self):
        self._pipe.close()


try:  # Be a real gymnasium.Env when gymnasium is installed (wrappers and checkers accept it).
    import gymnasium

    class _GymTestfieldEnv(TestfieldEnv, gymnasium.Env):
        pass

    _GymTestfieldEnv.__name__ = "TestfieldEnv"
    TestfieldEnv = _GymTestfieldEnv  # noqa: F811
except ImportError:
    pass
