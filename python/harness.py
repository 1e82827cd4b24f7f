"""ML Interview Prep: runs a practice problem's function against its cases and prints one result line per case.

    python3 harness.py USER_FILE CASES_JSON FUNCTION [--timeout-s N] [--memory-mb N] [--parent-fd FD]

Each line of the harness is on stdout behind the marker "\\x1eMLIP:", followed by JSON: first {"started": true}
once NumPy is loaded (the caller's time limit counts from there), then one result per case, in case order:
    {"name": ..., "value": ENC}
    {"name": ..., "error": {"type", "message", "line", "traceback": [{"line", "function", "code"}, ...]}}
Anything else on stdout or stderr is the user's own output. Needs only the standard library and NumPy; without
NumPy it prints {"fatal": "numpy-missing"} and exits with status 3. Standard input is empty (input() raises EOFError);
a crash of the interpreter prints Python's fault handler traceback on stderr. With --parent-fd, the read end of a
pipe whose other end the caller holds, the harness kills its whole process group (itself, and whatever the user's
code started) when that pipe closes: the caller has gone away without stopping it.
"""
# Imports are kept to what the interpreter and NumPy load anyway (inspect, json, math, threading come with NumPy), so the
# harness adds little to their start: no argparse (its gettext, locale, and shutil with lzma and bz2), no signal (its
# enums), and traceback only once an error is described.
import faulthandler
import importlib.util
import inspect
import json
import math
import os
import sys
import threading

MARKER = "\x1eMLIP:"
SIGKILL = 9  # the same number on every POSIX system (signal.SIGKILL)
USAGE = "usage: harness.py USER_FILE CASES_JSON FUNCTION [--timeout-s N] [--memory-mb N] [--parent-fd FD]"
_out = sys.stdout  # kept before the user's code can replace sys.stdout
_pid = os.getpid()  # a fork of the user's code that returns into the harness must not report results


def emit(payload):
    if os.getpid() != _pid:
        os._exit(0)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:
        pass
    _out.write(MARKER + json.dumps(payload, allow_nan=False, separators=(",", ":")) + "\n")
    _out.flush()


def set_limits(timeout_s, memory_mb):
    try:
        import resource
    except ImportError:  # Windows: no resource limits; the caller still enforces the time limit
        return
    if timeout_s:
        cpu = int(math.ceil(timeout_s)) + 1
        try:
            soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
            if hard == resource.RLIM_INFINITY or cpu <= hard:
                resource.setrlimit(resource.RLIMIT_CPU, (cpu, hard))
        except (ValueError, OSError):
            pass
    if memory_mb:
        # The limit counts what the user's code adds on top of the interpreter and NumPy already loaded.
        try:
            baseline = 0
            with open("/proc/self/status") as status:
                for line in status:
                    if line.startswith("VmSize:"):
                        baseline = int(line.split()[1]) * 1024
            limit = baseline + int(memory_mb) * 1024 * 1024
            soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            if hard == resource.RLIM_INFINITY or limit <= hard:
                resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        except (ValueError, OSError, AttributeError):
            pass  # macOS does not enforce RLIMIT_AS; nothing more can be done without a sandbox


def watch_parent(fd):
    """Kills the process group once the caller's end of the pipe `fd` closes (the caller died or was killed)."""
    def watch():
        try:
            while os.read(fd, 512):
                pass
        except OSError:
            pass
        if os.getpgid(0) == _pid:  # the caller made the harness a process group of its own
            os.killpg(_pid, SIGKILL)
        os.kill(_pid, SIGKILL)
    if hasattr(os, "killpg"):
        threading.Thread(target=watch, name="mlip-parent-watch", daemon=True).start()


def user_frames(tb, user_file):
    import traceback  # only once there is an error to describe

    frames = []
    for frame in traceback.extract_tb(tb):
        if os.path.abspath(frame.filename) == user_file:
            frames.append({"line": frame.lineno, "function": frame.name, "code": (frame.line or "").strip()})
    return frames


def describe(error, user_file, memory_mb):
    frames = user_frames(error.__traceback__, user_file)
    line = frames[-1]["line"] if frames else None
    kind = type(error).__name__
    if isinstance(error, SyntaxError) and os.path.abspath(error.filename or "") == user_file:
        message = error.msg
        line = error.lineno
        if error.text:
            frames = [{"line": error.lineno, "function": "<module>", "code": error.text.strip()}]
    elif isinstance(error, SystemExit):
        message = f"sys.exit({'' if error.code is None else repr(error.code)}) was called"
    elif isinstance(error, MemoryError):
        message = f"out of memory (the limit is {memory_mb:g} MB)" if memory_mb else "out of memory"
    else:
        message = str(error)
    return {"type": kind, "message": message, "line": line, "traceback": frames}


def decode(enc, np):
    if isinstance(enc, dict):
        if "tensor" in enc:
            dtype = {"float64": np.float64, "int64": np.int64, "bool": np.bool_}[enc["dtype"]]
            data = _floats(enc["tensor"]) if enc["dtype"] == "float64" else enc["tensor"]
            return np.array(data, dtype=dtype).reshape(enc["shape"])
        if "fields" in enc:
            return tuple(decode(value, np) for _, value in enc["fields"])
        if "list" in enc:
            return [decode(value, np) for value in enc["list"]]
        raise ValueError("unknown encoding")
    return enc


def _floats(value):
    if isinstance(value, list):
        return [_floats(item) for item in value]
    if isinstance(value, str):
        return float({"NaN": "nan", "Infinity": "inf", "-Infinity": "-inf"}[value])
    return value


class Unencodable(Exception):
    pass


def encode(value, expected, np):
    """ENC of the user's result; `expected` (an ENC) names the fields of a tuple and tells a list from a tensor."""
    if isinstance(expected, dict) and "fields" in expected and isinstance(value, (tuple, list)):
        names = [name for name, _ in expected["fields"]]
        if len(value) != len(names):
            return {"tuple": [encode(item, None, np) for item in value]}
        return {"fields": [[name, encode(item, sub, np)] for name, (_, sub), item in zip(names, expected["fields"], value)]}
    if isinstance(value, dict):
        subs = dict(expected["fields"]) if isinstance(expected, dict) and "fields" in expected else {}
        return {"fields": [[str(key), encode(item, subs.get(str(key)), np)] for key, item in value.items()]}
    if isinstance(value, (list, tuple)) and isinstance(expected, dict) and "list" in expected:
        items = expected["list"]
        return {"list": [encode(item, items[i] if i < len(items) else None, np) for i, item in enumerate(value)]}
    if isinstance(value, (list, tuple)):
        try:
            array = np.asarray(value)
        except (ValueError, TypeError):
            array = None
        if array is not None and array.dtype.kind in "fiub":
            value = array
        else:
            return {"list": [encode(item, None, np) for item in value]}
    if isinstance(value, np.ndarray):
        kind = value.dtype.kind
        if kind == "b":
            return {"tensor": value.tolist(), "dtype": "bool", "shape": list(value.shape)}
        if kind in "iu":
            return {"tensor": value.astype(np.int64).tolist(), "dtype": "int64", "shape": list(value.shape)}
        if kind == "f":
            data = value.astype(np.float64)
            return {"tensor": _finite(data.tolist()), "dtype": "float64", "shape": list(value.shape)}
        if kind == "c":
            raise Unencodable(f"the result is a complex array ({value.dtype}); return real numbers")
        raise Unencodable(f"the result is an array of {value.dtype}, not of numbers")
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        value = float(value)
        if math.isfinite(value):
            return value
        return {"tensor": _finite(value), "dtype": "float64", "shape": []}
    if value is None or isinstance(value, str):
        return value
    raise Unencodable(f"the result is a {type(value).__name__}, which cannot be compared")


def _finite(value):
    if isinstance(value, list):
        return [_finite(item) for item in value]
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


class Options:
    def __init__(self, user_file, cases_json, function, timeout_s=None, memory_mb=None, parent_fd=None):
        self.user_file = user_file
        self.cases_json = cases_json
        self.function = function
        self.timeout_s = timeout_s
        self.memory_mb = memory_mb
        self.parent_fd = parent_fd


def usage_error(message):
    sys.stderr.write(f"{USAGE}\nharness.py: error: {message}\n")
    return SystemExit(2)  # as argparse exits on a usage error


def parse_args(argv):
    """The three positional arguments, and any of --timeout-s N, --memory-mb N (numbers) and --parent-fd FD."""
    flags = {"--timeout-s": ("timeout_s", float), "--memory-mb": ("memory_mb", float), "--parent-fd": ("parent_fd", int)}
    positional = []
    named = {}
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg in flags:
            if index + 1 == len(argv):
                raise usage_error(f"{arg} needs a value")
            key, kind = flags[arg]
            try:
                named[key] = kind(argv[index + 1])
            except ValueError:
                raise usage_error(f"{arg}: invalid value {argv[index + 1]!r}") from None
            index += 2
        else:
            positional.append(arg)
            index += 1
    if len(positional) != 3:
        raise usage_error(f"expected USER_FILE CASES_JSON FUNCTION, got {len(positional)} arguments")
    return Options(*positional, **named)


def main(argv):
    options = parse_args(argv)
    if options.parent_fd is not None:
        watch_parent(options.parent_fd)
    faulthandler.enable()  # a segfault in native code prints where it happened, then the process dies of it
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        import numpy as np
    except ImportError:
        emit({"fatal": "numpy-missing"})
        return 3
    with open(options.cases_json, encoding="utf-8") as file:
        cases = json.load(file)["cases"]
    user_file = os.path.abspath(options.user_file)
    try:  # nothing to read: input() raises EOFError at once instead of waiting
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
    except OSError:
        pass
    set_limits(options.timeout_s, options.memory_mb)
    sys.path.insert(0, os.path.dirname(user_file))
    emit({"started": True})  # the caller's time limit counts from here

    load_error = None
    function = None
    try:
        spec = importlib.util.spec_from_file_location("mlip_user_solution", user_file)
        module = importlib.util.module_from_spec(spec)
        sys.modules["mlip_user_solution"] = module
        spec.loader.exec_module(module)
        function = getattr(module, options.function, None)
        if function is None:
            names = sorted(n for n, v in vars(module).items() if inspect.isfunction(v) and not n.startswith("_"))
            found = f"; the file defines {', '.join(names)}" if names else ""
            load_error = {"type": "MissingFunction", "message": f"no function named `{options.function}`{found}",
                          "line": None, "traceback": [], "defined": names}
        elif not callable(function):
            load_error = {"type": "MissingFunction", "message": f"`{options.function}` is not a function",
                          "line": None, "traceback": []}
    except BaseException as error:  # SyntaxError, ImportError, SystemExit, anything at import time
        load_error = describe(error, user_file, options.memory_mb)

    for case in cases:
        name = case["name"]
        if load_error is not None:
            emit({"name": name, "error": load_error})
            continue
        try:
            args = [decode(arg, np) for arg in case["args"]]
            try:
                signature = inspect.signature(function)
            except (TypeError, ValueError):
                signature = None
            if signature is not None:
                try:
                    signature.bind(*args)
                except TypeError as error:
                    line = getattr(getattr(function, "__code__", None), "co_firstlineno", None)
                    emit({"name": name, "error": {
                        "type": "WrongArity",
                        "message": f"`{options.function}{signature}` cannot take the {len(args)} arguments of a case: {error}",
                        "line": line, "traceback": [], "takes": str(signature), "passes": len(args)}})
                    continue
            result = function(*args)
            value = encode(result, case["expected"], np)
            emit({"name": name, "value": value})
        except Unencodable as error:
            emit({"name": name, "error": {"type": "WrongType", "message": str(error), "line": None, "traceback": []}})
        except BaseException as error:
            emit({"name": name, "error": describe(error, user_file, options.memory_mb)})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
