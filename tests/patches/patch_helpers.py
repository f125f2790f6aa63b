import contextlib


@contextlib.contextmanager
def patched(module, on: bool):
    """The patch of module installed (on) or restored while in the block, then as before."""
    was = module.PATCH.installed
    module.install() if on else module.restore()
    try:
        yield
    finally:
        module.install() if was else module.restore()


def both_ways(module, call):
    """call() with the library as it ships, then with the patch installed."""
    with patched(module, False):
        plain = call()
    with patched(module, True):
        return plain, call()


def outcome(function, *args):
    """What a call gives, or the kind of error it raises: both must fail alike."""
    try:
        return function(*args)
    except Exception as error:
        return type(error)
