"""Shared fixtures. Tests that need ../shared skip with a message when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_da085a45935ec0b1.txt"
DATA = SHARED / "data"
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip(f"seed not found at {SEED} (tests read it from ../shared/seeds)")
    return SEED


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not DATA.is_dir():
        pytest.skip(f"benchmark data not found at {DATA} (CI has it beside the checkout)")
    return DATA


@pytest.fixture(scope="session")
def test_data() -> Path:
    return TEST_DATA
