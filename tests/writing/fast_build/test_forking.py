import os
import signal
import tempfile

import pytest
from fast_build.forking import (
    WorkerError,
    dumps,
    fork_map,
    loads,
    remove_abandoned,
    scratch_folder,
)


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


@pytest.fixture
def scratch_root(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path / f"pelican-scratch-{os.getuid()}"


def test_the_folders_of_a_process_killed_before_removing_them_go_with_the_next_build(
    scratch_root,
):
    pid = os.fork()
    if pid == 0:  # a build's process, killed with its folder and a worker's result in it
        folder = scratch_folder("killed")
        open(os.path.join(folder, "records"), "wb").close()
        os.kill(os.getpid(), signal.SIGKILL)
    os.waitpid(pid, 0)
    assert [path.name for path in scratch_root.glob("*/*")] == ["records"]
    remove_abandoned()
    assert list(scratch_root.iterdir()) == []


def test_the_folders_of_a_running_process_are_kept(scratch_root):
    mine = scratch_folder("running")
    remove_abandoned()
    assert os.path.isdir(mine)
    assert scratch_folder("another") != mine
    assert len(list(scratch_root.iterdir())) == 2


def test_fork_map_leaves_no_folder(scratch_root):
    assert fork_map(abs, [-1, -2, -3], workers=2) == [1, 2, 3]
    assert list(scratch_root.iterdir()) == []
