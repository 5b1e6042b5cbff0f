"""x"""


def test_guard_x() -> None:
    assert True
