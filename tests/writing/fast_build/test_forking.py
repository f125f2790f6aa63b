import os

import pytest
from fast_build.forking import WorkerError, dumps, fork_map, loads


def test_results_come_back_in_order_from_each_process():
    results = fork_map(lambda n: (n * n, os.getpid()), list(range(9)), 3)
    assert [square for square, _ in results] == [n * n for n in range(9)]
    assert len({pid for _, pid in results}) == 3


def test_a_failing_worker_fails_the_call_with_its_traceback():
    def fail_on_seven(n):
        if n == 7:
            raise ValueError("seven")
        return n

    with pytest.raises(WorkerError, match="ValueError: seven"):
        fork_map(fail_on_seven, list(range(9)), 2)


def test_shared_objects_travel_as_references():
    settings = {"SITENAME": "x"}
    value = loads(
        dumps({"tag": ("energy", settings)}, {"settings": settings}), {"settings": settings}
    )
    assert value["tag"][1] is settings
