"""A contract check of our own, mirroring gymnasium.utils.env_checker.check_env.

Runs with a seeded random policy and checks: reset/step signatures and types, every observation
in the observation space, reset(seed) determinism and same seed ⇒ same trajectory, different
seeds ⇒ different trajectories, truncation at the step limit (not termination), refused bad
actions, and the same for the PettingZoo parallel form. Exit code 0 when every check passes.

    python3 -m testfield_gym.check_env --seeds 1 2 [--scenario warehouse/g2p-small] [--steps 60]
"""

import argparse
import hashlib
import json
import random
import sys

from .client import EnvError, TestfieldEnv, TestfieldParallelEnv
from .spaces import sample, why_not_in

try:
    import numpy as np
except ImportError:
    np = None


class CheckFailed(AssertionError):
    pass


def _check(cond, message):
    if not cond:
        raise CheckFailed(message)


def _plain(value):
    if np is not None and isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _digest(items):
    return hashlib.sha256(json.dumps(_plain(items), sort_keys=True).encode()).hexdigest()[:16]


def _trajectory(env, seed, steps, policy_seed):
    rng = random.Random(policy_seed)
    obs, info = env.reset(seed=seed)
    _check(isinstance(info, dict), "reset() info must be a dict")
    why = why_not_in(env.observation_space_desc, obs)
    _check(why is None, "reset() observation not in observation_space: %s" % why)
    record = [obs]
    for t in range(steps):
        action = sample(env.action_space_desc, rng)
        result = env.step(action)
        _check(isinstance(result, tuple) and len(result) == 5, "step() must return (obs, reward, terminated, truncated, info)")
        obs, reward, terminated, truncated, info = result
        why = why_not_in(env.observation_space_desc, obs)
        _check(why is None, "step %d observation not in observation_space: %s" % (t, why))
        _check(isinstance(reward, float), "reward must be a float, got %r" % type(reward))
        _check(isinstance(terminated, bool) and isinstance(truncated, bool), "terminated / truncated must be bools")
        _check(isinstance(info, dict), "step() info must be a dict")
        record.append([obs, reward, terminated, truncated])
        if terminated or truncated:
            break
    return _digest(record), env.state_hash(), terminated, truncated, t + 1


def check_single(scenario, seeds, steps, robots, log):
    env = TestfieldEnv(scenario, robots=robots, maxSteps=steps)
    try:
        _check(env.observation_space_desc["type"] == "dict", "observation space must be a dict space")
        _check(env.action_space_desc["type"] in ("multi-discrete", "box"), "action space must be multi-discrete or box")
        first, _ = env.reset(seed=seeds[0])
        again, _ = env.reset(seed=seeds[0])
        _check(_digest(first) == _digest(again), "reset(seed) twice must give the same observation")
        runs = {}
        for seed in seeds:
            a = _trajectory(env, seed, steps, policy_seed=1000 + seed)
            b = _trajectory(env, seed, steps, policy_seed=1000 + seed)
            _check(a == b, "seed %d: same seed and actions gave different trajectories (%s vs %s)" % (seed, a[:2], b[:2]))
            _check(a[3] and not a[2] and a[4] == steps, "seed %d: expected truncation (not termination) after %d steps, got terminated=%s truncated=%s after %d" % (seed, steps, a[2], a[3], a[4]))
            runs[seed] = a
            log("single  seed %d: %d steps, trajectory %s, state hash %s, truncated" % (seed, a[4], a[0], a[1]))
        if len(seeds) > 1:
            _check(len({r[1] for r in runs.values()}) == len(seeds), "different seeds must give different state hashes")
        env.reset(seed=seeds[0])
        try:
            env.step([0])
            raise CheckFailed("a wrongly sized action must be refused")
        except EnvError as error:
            _check("one per robot" in str(error) or "numbers" in str(error), "refusal must say the expected size: %s" % error)
        log("single  a wrongly sized action is refused: ok")
    finally:
        env.close()


def check_parallel(scenario, seeds, steps, robots, log):
    env = TestfieldParallelEnv(scenario, robots=robots, maxSteps=steps)
    try:
        agents = env.possible_agents
        _check(len(agents) == robots, "expected %d agents, got %d" % (robots, len(agents)))
        hashes = []
        for seed in seeds:
            digests = []
            for _ in range(2):
                rng = random.Random(seed)
                obs, infos = env.reset(seed=seed)
                _check(sorted(obs) == sorted(agents) and sorted(infos) == sorted(agents), "reset() must return dicts keyed by every agent")
                record = [obs]
                for t in range(steps):
                    actions = {a: sample(env._act_desc, rng) for a in env.agents}
                    obs, rewards, terms, truncs, infos = env.step(actions)
                    for name, d in (("observations", obs), ("rewards", rewards), ("terminations", terms), ("truncations", truncs), ("infos", infos)):
                        _check(sorted(d) == sorted(agents), "step() %s must be keyed by every agent" % name)
                    for a in agents:
                        why = why_not_in(env._obs_desc, obs[a])
                        _check(why is None, "agent %s observation not in its space: %s" % (a, why))
                    record.append([obs, rewards, terms, truncs])
                    if not env.agents:
                        break
                _check(all(truncs.values()) and not any(terms.values()) and t + 1 == steps, "parallel: expected every agent truncated after %d steps" % steps)
                digests.append((_digest(record), env.state_hash()))
            _check(digests[0] == digests[1], "parallel seed %d: same seed gave different trajectories" % seed)
            hashes.append(digests[0][1])
            log("parallel seed %d: %d agents, trajectory %s, state hash %s" % (seed, len(agents), digests[0][0], digests[0][1]))
        _check(len(set(hashes)) == len(hashes), "parallel: different seeds must give different state hashes")
    finally:
        env.close()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="warehouse/g2p-small")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--robots", type=int, default=6)
    args = parser.parse_args(argv)
    log = lambda line: print(line, flush=True)  # noqa: E731
    try:
        check_single(args.scenario, args.seeds, args.steps, args.robots, log)
        check_parallel(args.scenario, args.seeds, args.steps, args.robots, log)
    except (CheckFailed, EnvError) as error:
        print("FAIL: %s" % error, file=sys.stderr)
        return 1
    print("ok: the env passes the contract check (%s, seeds %s, numpy %s)" % (args.scenario, args.seeds, "yes" if np is not None else "no"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
